import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

type Person = { id: string; name?: string | null; email?: string | null; role?: string | null }

/** The users one actor can list, by channel. */
async function listAs(
  channel: 'rest' | 'graphql' | 'local',
  actor: Newsroom[keyof Newsroom],
): Promise<Person[]> {
  if (channel === 'rest') {
    const { status, body } = await rest('GET', 'users?depth=0&limit=100', { token: actor.token })
    expect(status).toBe(200)
    return body.docs
  }
  if (channel === 'graphql') {
    const { body } = await graphql<{ Users: { docs: Person[] } }>(
      '{ Users(limit: 100) { docs { id name email role } } }',
      {},
      { token: actor.token },
    )
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    return body.data!.Users.docs
  }
  const { docs } = await payload.find({
    collection: 'users',
    overrideAccess: false,
    user: { ...actor, collection: 'users' },
    depth: 0,
    limit: 100,
  })
  return docs as Person[]
}

describe.each(['rest', 'graphql', 'local'] as const)('the user list via %s', (channel) => {
  it('shows authors the names of others, but not their e-mail address or role', async () => {
    const people = await listAs(channel, newsroom.author)
    const editor = people.find((person) => person.id === newsroom.editor.id)!
    expect(editor.name).toBe('Emil Editor')
    expect(editor.email ?? null).toBeNull()
    expect(editor.role ?? null).toBeNull()
    for (const other of people.filter((person) => person.id !== newsroom.author.id)) {
      expect(other.email ?? null).toBeNull()
      expect(other.role ?? null).toBeNull()
    }
  })

  it('shows authors their own e-mail address and role', async () => {
    const people = await listAs(channel, newsroom.author)
    const self = people.find((person) => person.id === newsroom.author.id)!
    expect(self).toMatchObject({ email: 'author@newsroom.test', role: 'author' })
  })

  it('shows editors and admins everything', async () => {
    for (const actor of [newsroom.editor, newsroom.admin]) {
      const people = await listAs(channel, actor)
      const author = people.find((person) => person.id === newsroom.otherAuthor.id)!
      expect(author).toMatchObject({
        email: 'other@newsroom.test',
        role: 'author',
        name: 'Otto Autor',
      })
    }
  })
})

describe('authors cannot find others by their hidden fields', () => {
  it('a filter on e-mail or role is refused', async () => {
    for (const query of [
      'where[email][equals]=editor@newsroom.test',
      'where[role][equals]=admin',
    ]) {
      const { status } = await rest('GET', `users?${query}`, { token: newsroom.author.token })
      expect(status, query).toBe(400)
    }
  })

  it('reading one user by ID hides the same fields', async () => {
    const { status, body } = await rest('GET', `users/${newsroom.editor.id}`, {
      token: newsroom.author.token,
    })
    expect(status).toBe(200)
    expect(body.name).toBe('Emil Editor')
    expect(body.email).toBeUndefined()
    expect(body.role).toBeUndefined()
  })

  it('the own account (me) still has e-mail and role', async () => {
    const { body } = await rest('GET', 'users/me', { token: newsroom.author.token })
    expect(body.user).toMatchObject({ email: 'author@newsroom.test', role: 'author' })
  })
})
