/**
 * Who made each version of an article: every save stamps `editedBy` (hooks/stampEditedBy.ts),
 * which Payload snapshots into the version. Clients cannot set it; readers never see it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { clientFor } from '../helpers/channels'
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

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: string }).id : (value ?? null)

/** The article's versions, newest first, as `actor` lists them through `channel`. */
async function versionEditors(
  channel: 'local' | 'rest',
  articleId: string,
  actor = newsroom.editor,
) {
  if (channel === 'local') {
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: articleId } },
      sort: '-updatedAt',
      depth: 0,
      overrideAccess: false,
      user: { ...actor, collection: 'users' },
    })
    return docs.map((doc) => idOf(doc.version.editedBy))
  }
  const { status, body } = await rest(
    'GET',
    `articles/versions?where[parent][equals]=${articleId}&sort=-updatedAt&depth=0`,
    { token: actor.token },
  )
  expect(status).toBe(200)
  return (body.docs as { version: { editedBy?: unknown } }[]).map((doc) =>
    idOf(doc.version.editedBy),
  )
}

const systemArticle = (title: string) =>
  payload.create({
    collection: 'articles',
    data: articleData({ title, authors: [newsroom.author.id] }),
    overrideAccess: true,
    draft: true,
  })

describe.each(['local', 'rest'] as const)('editedBy via %s', (channel) => {
  it('each version names who saved it: the author’s draft, then the editor’s publish', async () => {
    const article = await systemArticle(`Versionen ${channel}`)
    expect(article.editedBy ?? null).toBeNull()

    const author = clientFor(payload, channel, newsroom.author)
    const draft = await author.update(
      'articles',
      article.id,
      { title: `Versionen ${channel}: Entwurf` },
      { draft: true },
    )
    expect(draft, draft.message).toMatchObject({ ok: true })
    const editor = clientFor(payload, channel, newsroom.editor)
    const published = await editor.update('articles', article.id, {
      title: `Versionen ${channel}: veröffentlicht`,
      _status: 'published',
    })
    expect(published, published.message).toMatchObject({ ok: true })

    const editors = await versionEditors(channel, article.id)
    expect(editors.slice(0, 3)).toEqual([newsroom.editor.id, newsroom.author.id, null])
    // The author lists the versions of their article the same way.
    expect((await versionEditors(channel, article.id, newsroom.author)).slice(0, 2)).toEqual([
      newsroom.editor.id,
      newsroom.author.id,
    ])
  })

  it('a client cannot set it: the save is stamped with the real user', async () => {
    const article = await systemArticle(`Fremder Name ${channel}`)
    const author = clientFor(payload, channel, newsroom.author)
    const saved = await author.update(
      'articles',
      article.id,
      { title: `Fremder Name ${channel}: Entwurf`, editedBy: newsroom.editor.id },
      { draft: true },
    )
    expect(saved, saved.message).toMatchObject({ ok: true })
    expect((await versionEditors(channel, article.id))[0]).toBe(newsroom.author.id)
    const stored = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.editedBy).toBe(newsroom.author.id)

    const created = await author.create(
      'articles',
      articleData({ title: `Neu ${channel}`, editedBy: newsroom.editor.id }),
      { draft: true },
    )
    expect(created, created.message).toMatchObject({ ok: true })
    const createdDoc = await payload.findByID({
      collection: 'articles',
      id: created.doc.id,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    expect(createdDoc.editedBy).toBe(newsroom.author.id)
  })

  it('readers never see it', async () => {
    const article = await systemArticle(`Lesbar ${channel}`)
    const editor = clientFor(payload, channel, newsroom.editor)
    const published = await editor.update('articles', article.id, { _status: 'published' })
    expect(published, published.message).toMatchObject({ ok: true })
    // The newsroom does see it, so its absence below is the access rule.
    const own = await editor.read('articles', article.id)
    expect(idOf(own.doc?.editedBy)).toBe(newsroom.editor.id)

    const reader = await clientFor(payload, channel, null).read('articles', article.id)
    expect(reader).toMatchObject({ ok: true })
    expect(reader.doc).not.toHaveProperty('editedBy')
    const list = await clientFor(payload, channel, null).find('articles', {
      id: { equals: article.id },
    })
    expect(list).toHaveLength(1)
    expect(list[0]).not.toHaveProperty('editedBy')
  })
})

it('system saves (importer, jobs) record nobody', async () => {
  const article = await systemArticle('Systemspeicherung')
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { title: 'Systemspeicherung, geändert' },
    draft: true,
    overrideAccess: true,
  })
  expect(await versionEditors('local', article.id)).toEqual([null, null])
})
