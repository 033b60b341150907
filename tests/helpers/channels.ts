import type { CollectionSlug, Payload, Where } from 'payload'

import { graphql, rest } from './api'

/** The three ways a client reaches the data; access rules must behave the same on each. */
export const CHANNELS = ['local', 'rest', 'graphql'] as const
export type Channel = (typeof CHANNELS)[number]

export type Actor = { id: string; token: string } | null

export type Outcome = { ok: boolean; status: number; doc?: any; message?: string }

const GRAPHQL_NAMES: Record<string, string> = {
  articles: 'Article',
  sources: 'Source',
  images: 'Image',
  comments: 'Comment',
  users: 'User',
}

const SELECTION: Record<string, string> = {
  articles: 'id title slug _status workflowStatus',
  sources: 'id name',
  images: 'id alt creditLine',
  comments: 'id body status authorEmail',
  users: 'id name email role',
}

const localError = (error: any): Outcome => ({
  ok: false,
  status: error?.status ?? 500,
  message: error?.data?.errors?.[0]?.message ?? error?.message,
})

const restOutcome = (status: number, body: any): Outcome => ({
  ok: status >= 200 && status < 300,
  status,
  doc: body?.doc ?? body,
  message: body?.errors?.[0]?.message ?? body?.errors?.[0]?.data?.errors?.[0]?.message,
})

const graphqlOutcome = (body: any, field: string): Outcome => {
  const error = body?.errors?.[0]
  if (error) {
    const status =
      Number(error.extensions?.statusCode) ||
      (/not allowed|forbidden|Berechtigung/i.test(error.message) ? 403 : 400)
    return { ok: false, status, message: error.message }
  }
  const doc = body?.data?.[field]
  return doc ? { ok: true, status: 200, doc } : { ok: false, status: 404 }
}

type Options = { draft?: boolean }

export function clientFor(payload: Payload, channel: Channel, actor: Actor) {
  const user = actor ? { ...actor, collection: 'users' } : null
  const token = actor?.token
  const local = { overrideAccess: false, user, depth: 0 } as const

  return {
    async create(
      collection: CollectionSlug,
      data: Record<string, unknown>,
      options: Options = {},
    ): Promise<Outcome> {
      if (channel === 'local') {
        return payload
          .create({ collection, data: data as any, ...local, draft: options.draft as any })
          .then((doc) => ({ ok: true, status: 201, doc }), localError)
      }
      if (channel === 'rest') {
        const { status, body } = await rest(
          'POST',
          `${collection}${options.draft ? '?draft=true' : ''}`,
          { token, body: data },
        )
        return restOutcome(status, body)
      }
      const name = GRAPHQL_NAMES[collection]
      const { body } = await graphql(
        `mutation ($data: mutation${name}Input!, $draft: Boolean) { create${name}(data: $data, draft: $draft) { ${SELECTION[collection]} } }`,
        { data, draft: options.draft ?? null },
        { token },
      )
      return graphqlOutcome(body, `create${name}`)
    },

    async read(collection: CollectionSlug, id: string, options: Options = {}): Promise<Outcome> {
      if (channel === 'local') {
        return payload
          .findByID({ collection, id, ...local, draft: options.draft })
          .then((doc) => ({ ok: true, status: 200, doc }), localError)
      }
      if (channel === 'rest') {
        const { status, body } = await rest(
          'GET',
          `${collection}/${id}${options.draft ? '?draft=true' : ''}`,
          { token },
        )
        return restOutcome(status, body)
      }
      const name = GRAPHQL_NAMES[collection]
      const { body } = await graphql(
        `query ($id: String!, $draft: Boolean) { ${name}(id: $id, draft: $draft) { ${SELECTION[collection]} } }`,
        { id, draft: options.draft ?? null },
        { token },
      )
      return graphqlOutcome(body, name)
    },

    async find(
      collection: CollectionSlug,
      where: Where = {},
      options: Options = {},
    ): Promise<any[]> {
      if (channel === 'local') {
        const { docs } = await payload.find({
          collection,
          where,
          ...local,
          draft: options.draft,
          limit: 100,
        })
        return docs
      }
      if (channel === 'rest') {
        const qs = await import('qs-esm')
        const query = qs.stringify(
          { where, draft: options.draft, depth: 0, limit: 100 },
          { addQueryPrefix: true },
        )
        const { status, body } = await rest('GET', `${collection}${query}`, { token })
        if (status !== 200) return []
        return body.docs
      }
      const plural = `${GRAPHQL_NAMES[collection]}s`
      const { body } = await graphql(
        `query ($where: ${GRAPHQL_NAMES[collection]}_where, $draft: Boolean) { ${plural}(where: $where, draft: $draft, limit: 100) { docs { ${SELECTION[collection]} } } }`,
        { where, draft: options.draft ?? null },
        { token },
      )
      return body.data?.[plural]?.docs ?? []
    },

    async update(
      collection: CollectionSlug,
      id: string,
      data: Record<string, unknown>,
      options: Options = {},
    ): Promise<Outcome> {
      if (channel === 'local') {
        return payload
          .update({ collection, id, data: data as any, ...local, draft: options.draft })
          .then((doc) => ({ ok: true, status: 200, doc }), localError)
      }
      if (channel === 'rest') {
        const { status, body } = await rest(
          'PATCH',
          `${collection}/${id}${options.draft ? '?draft=true' : ''}`,
          { token, body: data },
        )
        return restOutcome(status, body)
      }
      const name = GRAPHQL_NAMES[collection]
      const { body } = await graphql(
        `mutation ($id: String!, $data: mutation${name}UpdateInput!, $draft: Boolean) { update${name}(id: $id, data: $data, draft: $draft) { ${SELECTION[collection]} } }`,
        { id, data, draft: options.draft ?? null },
        { token },
      )
      return graphqlOutcome(body, `update${name}`)
    },

    async remove(collection: CollectionSlug, id: string): Promise<Outcome> {
      if (channel === 'local') {
        return payload
          .delete({ collection, id, ...local })
          .then((doc) => ({ ok: true, status: 200, doc }), localError)
      }
      if (channel === 'rest') {
        const { status, body } = await rest('DELETE', `${collection}/${id}`, { token })
        return restOutcome(status, body)
      }
      const name = GRAPHQL_NAMES[collection]
      const { body } = await graphql(
        `mutation ($id: String!) { delete${name}(id: $id) { id } }`,
        { id },
        { token },
      )
      return graphqlOutcome(body, `delete${name}`)
    },
  }
}
