import type { Payload } from 'payload'

import { PEER_IP_HEADER } from '@/lib/http/clientAddress'
import { createFormToken } from '@/comments/formToken'
import { formTokenSecret } from '@/comments/secrets'
import { graphql, rest } from '../helpers/api'

/** Shared by tests/int/comments*.test.ts: posting a comment the three ways a client can. */

export const POST_CHANNELS = ['local', 'rest', 'graphql'] as const
export type PostChannel = (typeof POST_CHANNELS)[number]

export type PostOutcome = {
  ok: boolean
  status: number
  doc?: any
  message?: string
  data?: any
  headers?: Headers
  raw: unknown
}

export type PostOptions = {
  /** Simulates the TCP peer address that the request pipeline (src/server/pipeline.ts) stamps. */
  peer?: string
  headers?: Record<string, string>
  actor?: { id: string; token: string } | null
}

const COMMENT_SELECTION =
  'id status body authorName authorEmail level byStaff signals ipHash createdAt'

let counter = 0
/** A fresh client address per call (198.18.0.0/15 is reserved for benchmarks, never routed). */
export const nextIp = () => {
  counter++
  return `198.18.${Math.floor(counter / 250) % 256}.${(counter % 250) + 1}`
}

export const peerHeaders = (peer: string | undefined, extra: Record<string, string> = {}) => ({
  ...(peer ? { [PEER_IP_HEADER]: peer } : {}),
  ...extra,
})

/** A form token as the site's form would render it, `agoMs` before now. */
export const formToken = (agoMs = 120_000) => createFormToken(Date.now() - agoMs, formTokenSecret())

export async function postComment(
  payload: Payload,
  channel: PostChannel,
  data: Record<string, unknown>,
  { peer, headers = {}, actor = null }: PostOptions = {},
): Promise<PostOutcome> {
  const allHeaders = peerHeaders(peer, headers)
  if (channel === 'local') {
    try {
      const doc = await payload.create({
        collection: 'comments',
        data: data as any,
        overrideAccess: false,
        user: actor ? ({ ...actor, collection: 'users' } as any) : null,
        depth: 0,
        req: { headers: new Headers(allHeaders) } as any,
      })
      return { ok: true, status: 201, doc, raw: doc }
    } catch (error: any) {
      return {
        ok: false,
        status: error?.status ?? 500,
        message: error?.message,
        data: error?.data,
        raw: error,
      }
    }
  }
  if (channel === 'rest') {
    const response = await rest('POST', 'comments', {
      body: data,
      token: actor?.token,
      headers: allHeaders,
    })
    const ok = response.status >= 200 && response.status < 300
    const error = response.body?.errors?.[0]
    return {
      ok,
      status: response.status,
      doc: response.body?.doc,
      message: error?.message,
      data: error?.data,
      headers: response.headers,
      raw: response.body,
    }
  }
  const response = await graphql(
    `mutation ($data: mutationCommentInput!) { createComment(data: $data) { ${COMMENT_SELECTION} } }`,
    { data },
    { token: actor?.token, headers: allHeaders },
  )
  const error = response.body?.errors?.[0]
  if (error) {
    return {
      ok: false,
      status: Number(error.extensions?.statusCode) || 400,
      message: error.message,
      data: error.extensions?.data,
      headers: response.headers,
      raw: response.body,
    }
  }
  return {
    ok: true,
    status: 200,
    doc: response.body?.data?.createComment,
    headers: response.headers,
    raw: response.body,
  }
}

export const countComments = async (payload: Payload) =>
  (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs

export const storedComment = (payload: Payload, id: string) =>
  payload.findByID({
    collection: 'comments',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })

export async function setCommentSettings(payload: Payload, data: Record<string, unknown>) {
  await payload.updateGlobal({
    slug: 'comment-settings',
    data: data as any,
    overrideAccess: true,
    depth: 0,
  })
}
