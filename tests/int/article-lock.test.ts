/**
 * Document locking for articles: an autosave keeps its author's lock (Payload would drop it on
 * every save), a real save releases it, and another editor's save is refused while it holds.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
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

const locksOf = async (id: string) => {
  const { docs } = await payload.find({
    collection: 'payload-locked-documents',
    overrideAccess: true,
    depth: 0,
    where: { 'document.value': { equals: id } },
  })
  return docs.map((lock) =>
    typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value,
  )
}

const newArticle = async () =>
  (
    await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: articleData({ title: 'Gesperrt' }),
    })
  ).id

describe('article locks', () => {
  it('are explicit: 5 minutes', () => {
    expect(payload.collections.articles.config.lockDocuments).toEqual({ duration: 300 })
  })

  it('an autosave keeps the lock for the one who autosaved', async () => {
    const id = await newArticle()
    const autosave = await rest('PATCH', `articles/${id}?autosave=true&draft=true`, {
      token: newsroom.editor.token,
      body: { title: 'Gesperrt – in Arbeit' },
    })
    expect(autosave.status, JSON.stringify(autosave.body)).toBe(200)
    expect(await locksOf(id)).toEqual([newsroom.editor.id])

    // Another editor's autosave meets the lock.
    const other = await rest(
      'PATCH',
      `articles/${id}?autosave=true&draft=true&overrideLock=false`,
      {
        token: newsroom.admin.token,
        body: { title: 'Dazwischen' },
      },
    )
    expect(other.status).toBe(423)
    expect(await locksOf(id)).toEqual([newsroom.editor.id])
  })

  it('a save that is not an autosave releases it', async () => {
    const id = await newArticle()
    await rest('PATCH', `articles/${id}?autosave=true&draft=true`, {
      token: newsroom.editor.token,
      body: { title: 'A' },
    })
    expect(await locksOf(id)).toHaveLength(1)
    const save = await rest('PATCH', `articles/${id}?draft=true`, {
      token: newsroom.editor.token,
      body: { title: 'B' },
    })
    expect(save.status).toBe(200)
    expect(await locksOf(id)).toEqual([])
  })

  it('handing the article on (a change of the workflow status) releases it', async () => {
    const id = (
      await payload.create({
        collection: 'articles',
        overrideAccess: true,
        data: articleData({ title: 'Zur Prüfung', authors: [newsroom.author.id] }),
      })
    ).id
    await rest('PATCH', `articles/${id}?autosave=true&draft=true`, {
      token: newsroom.author.token,
      body: { title: 'D' },
    })
    expect(await locksOf(id)).toEqual([newsroom.author.id])
    const submit = await rest('PATCH', `articles/${id}?autosave=true&draft=true`, {
      token: newsroom.author.token,
      body: { workflowStatus: 'in_review' },
    })
    expect(submit.status, JSON.stringify(submit.body)).toBe(200)
    expect(await locksOf(id)).toEqual([])
  })

  it('system writes (importer, Local API) take no lock', async () => {
    const id = await newArticle()
    await payload.update({
      collection: 'articles',
      id,
      overrideAccess: true,
      data: { title: 'C' },
      draft: true,
      autosave: true,
    })
    expect(await locksOf(id)).toEqual([])
  })
})
