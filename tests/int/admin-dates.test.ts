/** The admin's date settings as Payload sanitises them: German formats, Berlin time. */
import config from '@payload-config'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { articleData } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
})
afterAll(async () => ctx?.close())

const dateFields = (slug: 'articles') =>
  payload.collections[slug].config.flattenedFields.filter((field) => field.type === 'date')

describe('dates in the admin', () => {
  it('lists and versions use dd.MM.yyyy, HH:mm; Berlin is the only zone offered', async () => {
    const sanitized = await config
    expect(sanitized.admin.dateFormat).toBe('dd.MM.yyyy, HH:mm')
    expect(sanitized.admin.timezones.defaultTimezone).toBe('Europe/Berlin')
    expect(sanitized.admin.timezones.supportedTimezones.map((zone) => zone.value)).toEqual([
      'Europe/Berlin',
    ])
  })

  it('every date field of articles picks day and time in 24 hours', () => {
    const fields = dateFields('articles')
    expect(fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['submittedAt', 'publishedAt']),
    )
    for (const field of fields) {
      if (field.name === 'createdAt' || field.name === 'updatedAt') continue
      expect(field.admin?.date, field.name).toMatchObject({
        timeFormat: 'HH:mm',
        displayFormat: 'dd.MM.yyyy, HH:mm',
      })
    }
  })

  it('publishedAt keeps its zone (Berlin by default) and scheduling uses a 24-hour clock', async () => {
    const article = await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: articleData({ title: 'Mit Zeitzone', _status: 'published' }),
    })
    expect(article.publishedAt_tz).toBe('Europe/Berlin')
    const drafts = payload.collections.articles.config.versions?.drafts
    expect(drafts && drafts.schedulePublish).toMatchObject({ timeFormat: 'HH:mm' })
  })
})
