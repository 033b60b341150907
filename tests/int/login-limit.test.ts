import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOGIN_LIMITS } from '@/access/loginLimit'
import { PEER_IP_HEADER } from '@/lib/http/clientAddress'
import { graphql, rest } from '../helpers/api'
import { createNewsroom, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Login lockout as a weapon and account enumeration (#15). The in-process handlers see the
 * peer address the request pipeline would stamp (`x-newsroom-peer-ip`), so each case plays
 * clients of its own.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

let nextAddress = 1
/** A client address no other case uses. */
const newAddress = () => `198.51.100.${nextAddress++}`

const restLogin = async (email: string, password: string, address: string) => {
  const started = performance.now()
  const { status, body, headers } = await rest('POST', 'users/login', {
    body: { email, password },
    headers: { [PEER_IP_HEADER]: address },
  })
  return {
    status,
    message: body?.errors?.[0]?.message as string | undefined,
    headers,
    ms: performance.now() - started,
    token: body?.token,
  }
}

const graphqlLogin = async (email: string, password: string, address: string) => {
  const { body } = await graphql(
    'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
    { email, password },
    { headers: { [PEER_IP_HEADER]: address } },
  )
  return {
    token: body.data?.loginUser?.token as string | undefined,
    message: body.errors?.[0]?.message,
    code: body.errors?.[0]?.extensions?.statusCode,
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

describe('login answers tell nothing about accounts', () => {
  it('a wrong password and an unknown e-mail get the same answer, in similar time (REST and GraphQL)', async () => {
    const known = [] as Awaited<ReturnType<typeof restLogin>>[]
    const unknown = [] as Awaited<ReturnType<typeof restLogin>>[]
    for (let i = 0; i < 3; i++) {
      known.push(await restLogin(newsroom.editor.email, 'falsches-passwort', newAddress()))
      unknown.push(await restLogin(`niemand-${i}@newsroom.test`, 'falsches-passwort', newAddress()))
    }
    for (const answer of [...known, ...unknown]) {
      expect(answer.status).toBe(401)
      expect(answer.message).toBe(known[0].message)
    }
    // Payload answered an unknown address without checking a password: ~9 ms against ~200 ms.
    expect(median(unknown.map((answer) => answer.ms))).toBeGreaterThan(
      median(known.map((answer) => answer.ms)) * 0.5,
    )

    const knownGql = await graphqlLogin(newsroom.editor.email, 'falsches-passwort', newAddress())
    const unknownGql = await graphqlLogin(
      'niemand@newsroom.test',
      'falsches-passwort',
      newAddress(),
    )
    expect(knownGql.token).toBeUndefined()
    expect(unknownGql.message).toBe(knownGql.message)
  })

  it('an account over its limit answers like an unknown one, never "gesperrt", even with its password', async () => {
    const victim = newsroom.otherAuthor.email
    const stranger = 'gibt-es-nicht@newsroom.test'
    for (let i = 0; i < LOGIN_LIMITS.perAccount.points; i++) {
      await restLogin(victim, `geraten-${i}`, newAddress())
      await restLogin(stranger, `geraten-${i}`, newAddress())
    }
    const wrongVictim = await restLogin(victim, 'noch-einmal', newAddress())
    const wrongStranger = await restLogin(stranger, 'noch-einmal', newAddress())
    const rightVictim = await restLogin(victim, PASSWORD, newAddress())
    for (const answer of [wrongVictim, wrongStranger, rightVictim]) {
      expect(answer.status).toBe(401)
      expect(answer.message).toBe(wrongStranger.message)
      expect(answer.message).not.toMatch(/gesperrt|locked/i)
    }
    expect(rightVictim.token).toBeUndefined()
    const overGraphql = await graphqlLogin(victim, PASSWORD, newAddress())
    expect(overGraphql.token).toBeUndefined()
    expect(overGraphql.message).not.toMatch(/gesperrt|locked/i)
  })
})

describe('strangers cannot lock out an admin', () => {
  it('many wrong passwords from many addresses leave the admin able to sign in (REST and GraphQL)', async () => {
    const { email } = newsroom.admin
    for (let i = 0; i < LOGIN_LIMITS.perAccount.points * 3; i++) {
      const answer = await restLogin(email, `geraten-${i}`, newAddress())
      expect(answer.status).toBe(401)
      expect(answer.message).not.toMatch(/gesperrt|locked/i)
    }
    expect((await restLogin(email, PASSWORD, newAddress())).token).toBeTruthy()
    expect((await graphqlLogin(email, PASSWORD, newAddress())).token).toBeTruthy()
    expect(
      (await payload.login({ collection: 'users', data: { email, password: PASSWORD } })).token,
    ).toBeTruthy()
  })
})

describe('logins per client address', () => {
  it('after too many failures from one address it gets 429 with a message; other addresses go on', async () => {
    const guesser = newAddress()
    for (let i = 0; i < LOGIN_LIMITS.perAddress.points; i++) {
      expect((await restLogin(`ziel-${i}@newsroom.test`, 'geraten', guesser)).status).toBe(401)
    }
    const refused = await restLogin(newsroom.editor.email, PASSWORD, guesser)
    expect(refused.status).toBe(429)
    expect(refused.message).toMatch(
      /Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse\. Bitte versuchen Sie es in \d+ Minuten erneut\./,
    )
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.token).toBeUndefined()
    const overGraphql = await graphqlLogin(newsroom.editor.email, PASSWORD, guesser)
    expect(overGraphql.token).toBeUndefined()
    expect(overGraphql.message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/)
    // The admin too: the address limit is what protects admins from guessing.
    expect((await restLogin(newsroom.admin.email, PASSWORD, guesser)).status).toBe(429)

    expect((await restLogin(newsroom.editor.email, PASSWORD, newAddress())).token).toBeTruthy()
  })

  it('successful logins do not count against the address', async () => {
    const office = newAddress()
    for (let i = 0; i < LOGIN_LIMITS.perAddress.points + 2; i++) {
      expect((await restLogin(newsroom.author.email, PASSWORD, office)).status).toBe(200)
    }
  })
})
