import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { CHANNELS, clientFor } from '../helpers/channels'
import { articleData, createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let sendEmail: ReturnType<typeof vi.spyOn>

const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  sendEmail = vi.spyOn(payload, 'sendEmail')
})
afterAll(async () => ctx?.close())
beforeEach(() => {
  sendEmail.mockClear()
})

const latest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, ...system })
const published = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: false, ...system })
const mailsTo = (address: string) =>
  sendEmail.mock.calls
    .map(([message]: any[]) => message)
    .filter((message: any) => message.to === address)

async function authorDraft(title = 'Ein Artikel der Autorin') {
  return payload.create({
    collection: 'articles',
    data: articleData({ title, authors: [newsroom.author.id] }),
    ...system,
  })
}

async function publishedByEditor(title = 'Veröffentlichter Artikel') {
  return payload.create({
    collection: 'articles',
    data: articleData({ title, authors: [newsroom.author.id], _status: 'published' }),
    ...system,
  })
}

describe.each(CHANNELS)('the review cycle via %s', (channel) => {
  it('author submits, editor requests changes, author resubmits, editor approves and publishes', async () => {
    const author = clientFor(payload, channel, newsroom.author)
    const editor = clientFor(payload, channel, newsroom.editor)
    const created = await author.create('articles', articleData({ title: `Zyklus ${channel}` }))
    expect(created.ok, JSON.stringify(created)).toBe(true)
    const id = created.doc.id
    expect(await latest(id)).toMatchObject({ workflowStatus: 'draft', _status: 'draft' })

    const submitted = await author.update('articles', id, { workflowStatus: 'in_review' })
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true)
    const inReview = await latest(id)
    expect(inReview).toMatchObject({ workflowStatus: 'in_review', _status: 'draft' })
    expect(inReview.submittedBy).toBe(newsroom.author.id)
    expect(Date.parse(inReview.submittedAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(mailsTo(newsroom.editor.email)).toHaveLength(1)
    expect(mailsTo(newsroom.editor.email)[0].subject).toContain(`Zyklus ${channel}`)

    const approveAttempt = await author.update('articles', id, { workflowStatus: 'approved' })
    expect(approveAttempt).toMatchObject({ ok: false, status: 403 })
    expect(approveAttempt.message).toContain('Nur Redakteure dürfen Artikel freigeben')

    const changes = await editor.update(
      'articles',
      id,
      {
        workflowStatus: 'changes_requested',
        editorialNotes: [{ text: 'Bitte die Quelle ergänzen.', kind: 'changes_requested' }],
      },
      { draft: true },
    )
    expect(changes.ok, JSON.stringify(changes)).toBe(true)
    const requested = await latest(id)
    expect(requested.workflowStatus).toBe('changes_requested')
    // The notes are the article's history: the submission, then the request with its reason.
    expect(requested.editorialNotes).toHaveLength(2)
    expect(requested.editorialNotes![0]).toMatchObject({
      kind: 'note',
      text: 'Zur Prüfung eingereicht.',
      author: newsroom.author.id,
    })
    expect(requested.editorialNotes![1]).toMatchObject({
      kind: 'changes_requested',
      text: 'Bitte die Quelle ergänzen.',
      author: newsroom.editor.id,
    })
    expect(requested.editorialNotes![1].createdAt).toBeTruthy()
    expect(mailsTo(newsroom.author.email).map((mail: any) => mail.subject)).toEqual([
      `Änderungen erbeten: Zyklus ${channel}`,
    ])

    const resubmitted = await author.update('articles', id, {
      title: `Zyklus ${channel} (überarbeitet)`,
      workflowStatus: 'in_review',
    })
    expect(resubmitted.ok, JSON.stringify(resubmitted)).toBe(true)
    expect((await latest(id)).workflowStatus).toBe('in_review')

    const approved = await editor.update(
      'articles',
      id,
      { workflowStatus: 'approved' },
      { draft: true },
    )
    expect(approved.ok, JSON.stringify(approved)).toBe(true)
    expect((await latest(id)).workflowStatus).toBe('approved')
    expect(
      await clientFor(payload, channel, null).find('articles', { id: { equals: id } }),
    ).toEqual([])

    sendEmail.mockClear()
    const publish = await editor.update('articles', id, { _status: 'published' })
    expect(publish.ok, JSON.stringify(publish)).toBe(true)
    const live = await published(id)
    expect(live).toMatchObject({
      _status: 'published',
      workflowStatus: 'published',
      title: `Zyklus ${channel} (überarbeitet)`,
    })
    expect(live.publishedAt).toBeTruthy()
    expect(mailsTo(newsroom.author.email).map((mail: any) => mail.subject)).toEqual([
      `Veröffentlicht: Zyklus ${channel} (überarbeitet)`,
    ])
    const reader = await clientFor(payload, channel, null).read('articles', id)
    expect(reader.ok).toBe(true)
    expect(
      (await latest(id)).editorialNotes!.map((note) => [note.text, note.author, note.kind]),
    ).toEqual([
      ['Zur Prüfung eingereicht.', newsroom.author.id, 'note'],
      ['Bitte die Quelle ergänzen.', newsroom.editor.id, 'changes_requested'],
      ['Zur Prüfung eingereicht.', newsroom.author.id, 'note'],
      ['Freigegeben.', newsroom.editor.id, 'approval'],
      ['Veröffentlicht.', newsroom.editor.id, 'note'],
    ])
  })

  it('a request for changes needs its reason: without one a 400, with `workflowNote` noted', async () => {
    const doc = await authorDraft(`Begründung ${channel}`)
    await clientFor(payload, channel, newsroom.author).update('articles', doc.id, {
      workflowStatus: 'in_review',
    })
    const editor = clientFor(payload, channel, newsroom.editor)
    for (const workflowNote of [undefined, '', '   ']) {
      const refused = await editor.update(
        'articles',
        doc.id,
        { workflowStatus: 'changes_requested', workflowNote },
        { draft: true },
      )
      expect(refused).toMatchObject({ ok: false, status: 400 })
      expect(refused.message).toContain('Bitte begründen Sie den Änderungswunsch')
    }
    expect((await latest(doc.id)).workflowStatus).toBe('in_review')
    const requested = await editor.update(
      'articles',
      doc.id,
      { workflowStatus: 'changes_requested', workflowNote: ' Bitte kürzen. ' },
      { draft: true },
    )
    expect(requested.ok, JSON.stringify(requested)).toBe(true)
    expect((await latest(doc.id)).editorialNotes!.at(-1)).toMatchObject({
      kind: 'changes_requested',
      text: 'Bitte kürzen.',
      author: newsroom.editor.id,
    })
    expect(mailsTo(newsroom.author.email).at(-1)?.subject).toBe(
      `Änderungen erbeten: Begründung ${channel}`,
    )
  })

  it('an author cannot publish, with a clear 403, and nothing changes', async () => {
    const doc = await authorDraft(`Heimlich ${channel}`)
    for (const draft of [false, true]) {
      const attempt = await clientFor(payload, channel, newsroom.author).update(
        'articles',
        doc.id,
        { _status: 'published' },
        { draft },
      )
      expect(attempt).toMatchObject({ ok: false, status: 403 })
      expect(attempt.message).toContain('Autoren dürfen Artikel nicht veröffentlichen')
    }
    const created = await clientFor(payload, channel, newsroom.author).create(
      'articles',
      articleData({ title: 'Direkt live', _status: 'published' }),
    )
    expect(created).toMatchObject({ ok: false, status: 403 })
    expect((await published(doc.id))._status).toBe('draft')
    expect(
      await payload.count({
        collection: 'articles',
        where: { title: { equals: 'Direkt live' } },
        overrideAccess: true,
      }),
    ).toEqual({ totalDocs: 0 })
  })

  it('an author’s edit of a published article never changes what readers see', async () => {
    const doc = await publishedByEditor(`Live ${channel}`)
    const author = clientFor(payload, channel, newsroom.author)
    // No draft flag: Payload would otherwise overwrite the published document.
    const edit = await author.update('articles', doc.id, {
      title: `Live ${channel} – Fehler!`,
      content: lexical('Ungeprüft.'),
    })
    expect(edit.ok, JSON.stringify(edit)).toBe(true)
    const unpublish = await author.update('articles', doc.id, { _status: 'draft' })
    expect(unpublish.ok).toBe(true)
    const live = await published(doc.id)
    expect(live).toMatchObject({ _status: 'published', title: `Live ${channel}` })
    const reader = await clientFor(payload, channel, null).read('articles', doc.id)
    expect(reader.doc.title).toBe(`Live ${channel}`)
    const pending = await latest(doc.id)
    expect(pending.title).toBe(`Live ${channel} – Fehler!`)
    expect(pending.workflowStatus).toBe('draft')
  })

  it('authors cannot approve, request changes or withdraw a submission', async () => {
    const doc = await authorDraft()
    const author = clientFor(payload, channel, newsroom.author)
    expect(
      (await author.update('articles', doc.id, { workflowStatus: 'changes_requested' })).status,
    ).toBe(403)
    expect((await author.update('articles', doc.id, { workflowStatus: 'in_review' })).ok).toBe(true)
    expect((await author.update('articles', doc.id, { workflowStatus: 'draft' })).status).toBe(403)
    expect((await author.update('articles', doc.id, { workflowStatus: 'approved' })).status).toBe(
      403,
    )
    expect((await latest(doc.id)).workflowStatus).toBe('in_review')
  })

  it('authors cannot touch articles of other authors', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: articleData({ authors: [newsroom.otherAuthor.id] }),
      ...system,
    })
    const attempt = await clientFor(payload, channel, newsroom.author).update('articles', doc.id, {
      workflowStatus: 'in_review',
    })
    expect(attempt.ok).toBe(false)
    expect((await latest(doc.id)).workflowStatus).toBe('draft')
  })

  it('editors unpublish; the workflow state follows', async () => {
    const doc = await publishedByEditor(`Zurückgezogen ${channel}`)
    const outcome = await clientFor(payload, channel, newsroom.editor).update('articles', doc.id, {
      _status: 'draft',
    })
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true)
    expect(await published(doc.id)).toMatchObject({ _status: 'draft', workflowStatus: 'draft' })
    expect((await clientFor(payload, channel, null).read('articles', doc.id)).ok).toBe(false)
  })

  it('“published” is only reached by publishing', async () => {
    const doc = await authorDraft()
    const outcome = await clientFor(payload, channel, newsroom.editor).update(
      'articles',
      doc.id,
      { workflowStatus: 'published' },
      { draft: true },
    )
    expect(outcome).toMatchObject({ ok: false, status: 400 })
  })
})

describe.each(CHANNELS)('publishing from review via %s (#16)', (channel) => {
  /** An author's draft brought to `state` by the author (and the editor, for changes). */
  async function inState(state: 'in_review' | 'changes_requested', title: string) {
    const doc = await authorDraft(title)
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { workflowStatus: 'in_review' },
      overrideAccess: false,
      user: await payload.findByID({ collection: 'users', id: newsroom.author.id, ...system }),
      draft: true,
    })
    if (state === 'changes_requested')
      await payload.update({
        collection: 'articles',
        id: doc.id,
        data: { workflowStatus: 'changes_requested' },
        ...system,
        draft: true,
      })
    expect((await latest(doc.id)).workflowStatus).toBe(state)
    return doc.id
  }
  const submitted = () => ({
    kind: 'note',
    text: 'Zur Prüfung eingereicht.',
    author: newsroom.author.id,
  })
  const notesOf = async (id: string) =>
    ((await latest(id)).editorialNotes ?? []).map((note: any) => ({
      kind: note.kind,
      text: note.text,
      author: note.author,
    }))

  it('an editor’s publish of a text in review counts as its approval, noted with who and when', async () => {
    const id = await inState('in_review', `Direkt ${channel}`)
    const outcome = await clientFor(payload, channel, newsroom.editor).update('articles', id, {
      _status: 'published',
    })
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true)
    expect(await published(id)).toMatchObject({ _status: 'published', workflowStatus: 'published' })
    expect(await notesOf(id)).toEqual([
      submitted(),
      {
        kind: 'approval',
        text: 'Mit dem Veröffentlichen freigegeben (der Text war „In Prüfung“).',
        author: newsroom.editor.id,
      },
    ])
    const note = (await latest(id)).editorialNotes!.at(-1)!
    expect(Date.parse(note.createdAt!)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('changes requested: a plain publish is a 409 that changes nothing; confirmed, it publishes and is noted', async () => {
    const id = await inState('changes_requested', `Trotzdem ${channel}`)
    const editor = clientFor(payload, channel, newsroom.editor)
    for (const data of [
      { _status: 'published' },
      { _status: 'published', publishDespiteChanges: false },
    ]) {
      const refused = await editor.update('articles', id, data)
      expect(refused, JSON.stringify(data)).toMatchObject({ ok: false, status: 409 })
      expect(refused.message).toContain('Trotz erbetener Änderungen veröffentlichen')
    }
    expect(await latest(id)).toMatchObject({
      _status: 'draft',
      workflowStatus: 'changes_requested',
    })
    expect((await clientFor(payload, channel, null).read('articles', id)).ok).toBe(false)
    const before = await notesOf(id)

    // An author cannot use the confirmation.
    const author = await clientFor(payload, channel, newsroom.author).update('articles', id, {
      _status: 'published',
      publishDespiteChanges: true,
    })
    expect(author).toMatchObject({ ok: false })
    expect(author.status).toBeGreaterThanOrEqual(400)
    expect(author.status).toBeLessThan(500)

    const confirmed = await editor.update('articles', id, {
      _status: 'published',
      publishDespiteChanges: true,
    })
    expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true)
    expect(await published(id)).toMatchObject({ _status: 'published', workflowStatus: 'published' })
    expect(before).toEqual([submitted()])
    expect(await notesOf(id)).toEqual([
      submitted(),
      {
        kind: 'approval',
        text: 'Trotz erbetener Änderungen veröffentlicht (ausdrücklich bestätigt).',
        author: newsroom.editor.id,
      },
    ])
    expect((await clientFor(payload, channel, null).read('articles', id)).ok).toBe(true)
  })
})

describe('the status line (list column "Status", #16)', () => {
  const statusOf = async (id: string, token?: string) =>
    (await rest('GET', `articles/${id}?draft=true&depth=0`, { token })).body.readerStatus

  it('says what readers see and what is pending, to the newsroom only', async () => {
    const token = newsroom.editor.token
    const doc = await authorDraft('Statuszeile')
    expect(await statusOf(doc.id, token)).toBe('Offline · Entwurf')
    const author = clientFor(payload, 'rest', newsroom.author)
    await author.update('articles', doc.id, { workflowStatus: 'in_review' })
    expect(await statusOf(doc.id, token)).toBe('Offline · In Prüfung')

    await clientFor(payload, 'rest', newsroom.editor).update('articles', doc.id, {
      _status: 'published',
    })
    expect(await statusOf(doc.id, token)).toBe('Online')

    await author.update('articles', doc.id, { title: 'Statuszeile, korrigiert' }, { draft: true })
    expect(await statusOf(doc.id, token)).toBe('Online · Änderungen im Entwurf')
    await author.update('articles', doc.id, { workflowStatus: 'in_review' }, { draft: true })
    expect(await statusOf(doc.id, token)).toBe('Online · Änderungen in Prüfung')
    const list = await rest('GET', `articles?draft=true&depth=0&where[id][equals]=${doc.id}`, {
      token,
    })
    expect(list.body.docs[0].readerStatus).toBe('Online · Änderungen in Prüfung')

    // Readers never get it.
    const reader = await rest('GET', `articles/${doc.id}?depth=0`)
    expect(reader.status).toBe(200)
    expect(reader.body).not.toHaveProperty('readerStatus')
    const { body } = await graphql(`{ Article(id: "${doc.id}") { title readerStatus } }`)
    expect(body.data?.Article?.readerStatus ?? null).toBeNull()
  })
})

describe('restoring versions', () => {
  it('an author cannot restore an older published version; readers keep the current one', async () => {
    const doc = await publishedByEditor('Fassung eins')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Fassung zwei', _status: 'published' },
      ...system,
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
      sort: 'createdAt',
      ...system,
    })
    const first = versions.docs.find((version) => version.version.title === 'Fassung eins')!
    const viaRest = await rest('POST', `articles/versions/${first.id}`, {
      token: newsroom.author.token,
    })
    expect(viaRest.status).toBe(403)
    const viaGraphql = await graphql(
      'mutation ($id: String) { restoreVersionArticle(id: $id) { id title } }',
      { id: first.id },
      { token: newsroom.author.token },
    )
    expect(viaGraphql.body.errors?.[0]).toBeTruthy()
    await expect(
      payload.restoreVersion({
        collection: 'articles',
        id: first.id,
        overrideAccess: false,
        user: { ...newsroom.author, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await published(doc.id)).title).toBe('Fassung zwei')
  })

  it('an author restoring an older draft never unpublishes the article, nor gains the right to delete it', async () => {
    const doc = await authorDraft('Erste Fassung')
    const firstDraft = (
      await payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: doc.id } },
        sort: 'createdAt',
        ...system,
      })
    ).docs[0]
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Freigegeben', _status: 'published' },
      ...system,
    })
    const publishedAt = (await published(doc.id)).publishedAt
    expect(publishedAt).toBeTruthy()

    const viaGraphql = await graphql(
      'mutation ($id: String) { restoreVersionArticle(id: $id) { id } }',
      { id: firstDraft.id },
      { token: newsroom.author.token },
    )
    expect(viaGraphql.body.errors?.[0]?.message).toMatch(/nur als Entwurf wiederherstellen/)
    await expect(
      payload.restoreVersion({
        collection: 'articles',
        id: firstDraft.id,
        overrideAccess: false,
        user: { ...newsroom.author, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await published(doc.id)).toMatchObject({
      _status: 'published',
      title: 'Freigegeben',
      publishedAt,
    })

    // The admin's Restore button (REST, no `draft`) restores an author's choice as a draft:
    // the old text becomes the newest draft, readers keep the published one.
    const viaAdmin = await rest('POST', `articles/versions/${firstDraft.id}?draft=false`, {
      token: newsroom.author.token,
    })
    expect(viaAdmin.status, JSON.stringify(viaAdmin.body)).toBe(200)
    expect(viaAdmin.body.message).toBeTruthy()
    expect(await published(doc.id)).toMatchObject({
      _status: 'published',
      title: 'Freigegeben',
      publishedAt,
    })
    expect(await latest(doc.id)).toMatchObject({ title: 'Erste Fassung', _status: 'draft' })

    // Once unpublished by an editor, the old draft may replace it, but publishedAt stays: still no delete.
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { _status: 'draft' },
      ...system,
    })
    const restored = await rest('POST', `articles/versions/${firstDraft.id}`, {
      token: newsroom.author.token,
    })
    expect(restored.status).toBe(200)
    expect((await published(doc.id)).publishedAt).toBe(publishedAt)
    const deletion = await rest('DELETE', `articles/${doc.id}`, { token: newsroom.author.token })
    expect(deletion.status).not.toBe(200)
    expect((await published(doc.id)).id).toBe(doc.id)
  })

  it('a duplicate of a published article starts unpublished, without the original’s publishedAt', async () => {
    const doc = await publishedByEditor('Vorlage')
    expect((await published(doc.id)).publishedAt).toBeTruthy()
    const { status, body } = await rest('POST', `articles/${doc.id}/duplicate`, {
      token: newsroom.editor.token,
      body: {},
    })
    expect(status).toBe(200)
    const copy = await latest(body.doc.id)
    expect(copy._status).toBe('draft')
    expect(copy.publishedAt ?? null).toBeNull()
  })

  it('the restore endpoint keeps Payload’s behaviour for editors and anonymous callers', async () => {
    const doc = await publishedByEditor('Stand A')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Stand B', _status: 'published' },
      ...system,
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
      ...system,
    })
    const old = versions.docs.find(
      (version) => version.version.title === 'Stand A' && version.version._status === 'published',
    )!
    expect((await rest('POST', `articles/versions/${old.id}`)).status).toBe(403)
    const asDraft = await rest('POST', `articles/versions/${old.id}?draft=true`, {
      token: newsroom.editor.token,
    })
    expect(asDraft.status).toBe(200)
    expect(asDraft.body).toMatchObject({
      id: doc.id,
      title: 'Stand A',
      message: expect.any(String),
    })
    expect((await published(doc.id)).title).toBe('Stand B')
    expect((await latest(doc.id)).title).toBe('Stand A')
  })

  it('an editor restores an older version', async () => {
    const doc = await publishedByEditor('Alt')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Neu', _status: 'published' },
      ...system,
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
      ...system,
    })
    const old = versions.docs.find(
      (version) => version.version.title === 'Alt' && version.version._status === 'published',
    )!
    const { status } = await rest('POST', `articles/versions/${old.id}`, {
      token: newsroom.editor.token,
    })
    expect(status).toBe(200)
    expect((await published(doc.id)).title).toBe('Alt')
  })
})

describe('bulk updates (the list view’s edit-many and publish)', () => {
  it('an author’s bulk publish is refused and changes nothing', async () => {
    const docs = [await authorDraft('Bulk A'), await authorDraft('Bulk B')]
    const where = `where[id][in]=${docs.map((doc) => doc.id).join(',')}`
    const publish = await rest('PATCH', `articles?${where}&draft=true`, {
      token: newsroom.author.token,
      body: { _status: 'published' },
    })
    expect(publish.status).toBe(403)
    const approve = await rest('PATCH', `articles?${where}&draft=true`, {
      token: newsroom.author.token,
      body: { workflowStatus: 'approved' },
    })
    expect(approve.body.docs ?? []).toHaveLength(0)
    for (const doc of docs)
      expect(await latest(doc.id)).toMatchObject({ _status: 'draft', workflowStatus: 'draft' })
  })

  it('an editor’s bulk publish publishes every selected article', async () => {
    const docs = [await authorDraft('Bulk C'), await authorDraft('Bulk D')]
    const where = `where[id][in]=${docs.map((doc) => doc.id).join(',')}`
    const { status, body } = await rest('PATCH', `articles?${where}`, {
      token: newsroom.editor.token,
      body: { _status: 'published' },
    })
    expect(status, JSON.stringify(body)).toBe(200)
    for (const doc of docs)
      expect(await published(doc.id)).toMatchObject({
        _status: 'published',
        workflowStatus: 'published',
      })
  })
})

describe('bulk publishing from review (#16)', () => {
  it('publishes what is in review (each noted as approved) and refuses what has changes requested', async () => {
    const review = await authorDraft('Bulk Prüfung')
    const changes = await authorDraft('Bulk Änderungen')
    for (const [doc, workflowStatus] of [
      [review, 'in_review'],
      [changes, 'changes_requested'],
    ] as const)
      await payload.update({
        collection: 'articles',
        id: doc.id,
        data: { workflowStatus },
        ...system,
        draft: true,
      })
    // As a REST client sends it, and as Payload's list view does (`draft=true`): the same rule.
    const where = `where[id][in]=${review.id},${changes.id}`
    const { body } = await rest('PATCH', `articles?${where}`, {
      token: newsroom.editor.token,
      body: { _status: 'published' },
    })
    expect(body.docs.map((doc: any) => doc.id)).toEqual([review.id])
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0].id).toBe(changes.id)
    expect(body.errors[0].message).toContain('Änderungen erbeten')
    expect(await published(review.id)).toMatchObject({ _status: 'published' })
    expect((await latest(review.id)).editorialNotes).toHaveLength(1)
    expect(await latest(changes.id)).toMatchObject({
      _status: 'draft',
      workflowStatus: 'changes_requested',
    })
    const again = await rest('PATCH', `articles?${where}&draft=true`, {
      token: newsroom.editor.token,
      body: { _status: 'published' },
    })
    expect(again.body.errors.map((error: any) => error.id)).toEqual([changes.id])
    const confirmed = await rest('PATCH', `articles?where[id][in]=${changes.id}`, {
      token: newsroom.editor.token,
      body: { _status: 'published', publishDespiteChanges: true },
    })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(await published(changes.id)).toMatchObject({ _status: 'published' })
  })
})

describe('editorial notes', () => {
  it('are never visible to anonymous readers, through REST or GraphQL', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: articleData({
        title: 'Mit Notizen',
        _status: 'published',
        editorialNotes: [{ text: 'Interne Notiz XYZ', kind: 'note' }],
      }),
      ...system,
    })
    const viaRest = await rest('GET', `articles/${doc.id}?depth=2`)
    expect(viaRest.status).toBe(200)
    expect(JSON.stringify(viaRest.body)).not.toContain('Interne Notiz XYZ')
    const list = await rest('GET', 'articles?depth=2')
    expect(JSON.stringify(list.body)).not.toContain('Interne Notiz XYZ')
    const viaGraphql = await graphql(
      'query ($id: String!) { Article(id: $id) { title editorialNotes { text } } }',
      { id: doc.id },
    )
    expect(viaGraphql.body.data.Article.editorialNotes ?? []).toEqual([])
    expect(JSON.stringify(viaGraphql.body)).not.toContain('Interne Notiz XYZ')
    const staff = await rest('GET', `articles/${doc.id}`, { token: newsroom.author.token })
    expect(staff.body.editorialNotes[0].text).toBe('Interne Notiz XYZ')
  })

  it('cannot be rewritten or removed by an author', async () => {
    const doc = await authorDraft('Notizen bleiben')
    await rest('PATCH', `articles/${doc.id}?draft=true`, {
      token: newsroom.editor.token,
      body: { editorialNotes: [{ text: 'Original der Redaktion', kind: 'note' }] },
    })
    const noteId = (await latest(doc.id)).editorialNotes![0].id
    await rest('PATCH', `articles/${doc.id}`, {
      token: newsroom.author.token,
      body: {
        editorialNotes: [
          { id: noteId, text: 'Umgeschrieben', kind: 'note' },
          { text: 'Antwort der Autorin' },
        ],
      },
    })
    const notes = (await latest(doc.id)).editorialNotes!
    expect(notes.map((note) => note.text)).toEqual([
      'Original der Redaktion',
      'Antwort der Autorin',
    ])
    expect(notes[1].author).toBe(newsroom.author.id)
    await rest('PATCH', `articles/${doc.id}`, {
      token: newsroom.author.token,
      body: { editorialNotes: [] },
    })
    expect((await latest(doc.id)).editorialNotes!.map((note) => note.text)).toContain(
      'Original der Redaktion',
    )
  })
})

describe('scheduled publishing', () => {
  const queueSchedule = (id: string, type: 'publish' | 'unpublish', userId: string) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: {
        type,
        doc: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: userId },
      },
    } as any)

  it('an editor’s scheduled publish and unpublish fire when the queue runs', async () => {
    const doc = await authorDraft('Geplant')
    await queueSchedule(doc.id, 'publish', newsroom.editor.id)
    expect((await published(doc.id))._status).toBe('draft')
    await payload.jobs.run()
    expect(await published(doc.id)).toMatchObject({
      _status: 'published',
      workflowStatus: 'published',
    })
    await queueSchedule(doc.id, 'unpublish', newsroom.editor.id)
    await payload.jobs.run()
    expect((await published(doc.id))._status).toBe('draft')
  })

  it('authors cannot schedule: the publish permission check fails, and their jobs publish nothing', async () => {
    const doc = await authorDraft('Nicht geplant')
    const access = payload.collections.articles.config.access.update as any
    const req = { user: { ...newsroom.author, collection: 'users' }, payload } as any
    expect(await access({ req, id: doc.id, data: { _status: 'published' } })).toBe(false)
    await queueSchedule(doc.id, 'publish', newsroom.author.id)
    await payload.jobs.run()
    expect((await published(doc.id))._status).toBe('draft')
  })

  it('jobs can be run over HTTP only by staff or with the cron secret', async () => {
    const anonymous = await rest('GET', 'payload-jobs/run')
    expect(anonymous.status).toBe(401)
    const author = await rest('GET', 'payload-jobs/run', { token: newsroom.author.token })
    expect(author.status).toBe(401)
    process.env.CRON_SECRET = 'cron-test-secret'
    const cron = await rest('GET', 'payload-jobs/run', {
      headers: { Authorization: 'Bearer cron-test-secret' },
    })
    expect(cron.status).toBe(200)
    delete process.env.CRON_SECRET
  })
})
