import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { repairLatestVersions } from '@/lib/repairLatestVersions'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * A crash between the adapter's two statements of a version save leaves two versions marked
 * `latest` (#15). The state is made here as the crash leaves it; tests/int/crash.test.ts
 * kills real writers.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const versionsOf = async (parent: string) =>
  (
    await payload.db.findVersions({
      collection: 'articles',
      where: { parent: { equals: parent } },
      sort: '-updatedAt',
      limit: 0,
      pagination: false,
    })
  ).docs as any[]

async function articleWithDrafts(label: string) {
  const article = await payload.create({
    collection: 'articles',
    data: articleData({ title: `${label} 1`, authors: [newsroom.author.id], _status: 'published' }),
    ...system,
  })
  for (const n of [2, 3]) {
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: `${label} ${n}` },
      draft: true,
      ...system,
    })
  }
  return article.id
}

/** What the crash leaves: an older version still marked latest next to the newest. */
async function crashLeftover(id: string) {
  const [, older] = await versionsOf(id)
  await payload.db.updateVersion({
    collection: 'articles',
    id: older.id,
    versionData: { latest: true, updatedAt: older.updatedAt } as never,
  })
  return older
}

describe('repairLatestVersions', () => {
  it('keeps only the newest version of each article marked latest, and the older ones intact', async () => {
    const first = await articleWithDrafts('Erster Artikel')
    const second = await articleWithDrafts('Zweiter Artikel')
    const untouched = await articleWithDrafts('Dritter Artikel')
    const olderFirst = await crashLeftover(first)
    await crashLeftover(second)
    expect((await versionsOf(first)).filter((version) => version.latest)).toHaveLength(2)

    const repaired = await repairLatestVersions(payload)
    expect(repaired.map((entry) => entry.parent).sort()).toEqual([first, second].sort())

    for (const [id, label] of [
      [first, 'Erster Artikel'],
      [second, 'Zweiter Artikel'],
      [untouched, 'Dritter Artikel'],
    ]) {
      const versions = await versionsOf(id)
      expect(
        versions.filter((version) => version.latest).map((version) => version.version.title),
      ).toEqual([`${label} 3`])
      const draft = await payload.findByID({ collection: 'articles', id, draft: true, ...system })
      expect(draft.title).toBe(`${label} 3`)
    }
    // The older version keeps its content (only the flag changed).
    const older = (await versionsOf(first)).find((version) => version.id === olderFirst.id)
    expect(older).toMatchObject({
      latest: false,
      updatedAt: olderFirst.updatedAt,
      version: { title: olderFirst.version.title, authors: [newsroom.author.id] },
    })
    expect(older.version.content).toEqual(olderFirst.version.content)
  })

  it('runs when Payload starts (onInit), before anyone opens a draft', async () => {
    const id = await articleWithDrafts('Nach dem Absturz')
    await crashLeftover(id)
    await payload.config.onInit!(payload)
    expect((await versionsOf(id)).filter((version) => version.latest)).toHaveLength(1)
  })
})
