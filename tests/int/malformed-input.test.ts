import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { makeImage, uploadForm } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/** Malformed JSON in the places Payload's REST endpoints parse it: 400 with a message, nothing stored. */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

describe('malformed JSON over REST', () => {
  it('a `where` parameter that is not JSON is a 400, for readers and the newsroom', async () => {
    for (const token of [undefined, newsroom.editor.token]) {
      const { status, body } = await rest('GET', `articles?where=${encodeURIComponent('{"title":')}`, { token })
      expect(status).toBe(400)
      expect(body.errors[0].message).toBe('Der Parameter „where“ ist kein gültiges JSON.')
    }
    expect((await rest('GET', 'articles?where[title][equals]=x')).status).toBe(200)
  })

  it('an upload whose `_payload` field is not JSON is a 400 and stores nothing', async () => {
    const form = uploadForm(await makeImage('png', 40, 20), 'bild.png', 'image/png', {})
    form.set('_payload', '{"alt": "Bild",')
    const { status, body } = await rest('POST', 'images', { token: newsroom.editor.token, formData: form })
    expect(status).toBe(400)
    expect(body.errors[0].message).toBe('Das Feld „_payload“ des Formulars ist kein gültiges JSON.')
    expect((await payload.count({ collection: 'images', overrideAccess: true })).totalDocs).toBe(0)
  })
})
