import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { makeImage, uploadForm } from '../helpers/images'
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

const credit = { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' }

describe('image uploads', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
  ] as const)('a real %s produces every image size', async (format, mimetype) => {
    const original = await makeImage(format, 2000, 1500)
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(original, `foto.${format === 'png' ? 'png' : 'jpg'}`, mimetype, {
        alt: 'Ein Testbild',
        credit,
      }),
    })
    expect(status, JSON.stringify(body)).toBe(201)
    const doc = body.doc
    expect(doc).toMatchObject({
      mimeType: mimetype,
      width: 2000,
      height: 1500,
      creditLine: 'Elionas2 (CC0), Pixabay',
    })
    expect(doc.sizes.thumbnail).toMatchObject({ width: 400, height: 300 })
    expect(doc.sizes.card).toMatchObject({ width: 768, height: 576 })
    expect(doc.sizes.hero).toMatchObject({ width: 1600, height: 1200 })
    expect(doc.sizes.og).toMatchObject({ width: 1200, height: 630 })
    for (const size of Object.values<any>(doc.sizes)) {
      const file = await rest('GET', size.url.replace(/^\/api\//, ''))
      expect(file.status).toBe(200)
    }
    const ogPath = `${process.env.MEDIA_DIR}/${doc.sizes.og.filename}`
    expect(await sharp(ogPath).metadata()).toMatchObject({ width: 1200, height: 630 })
  })

  it('rejects a file that is not an image with a 4xx and a clear message, storing nothing', async () => {
    const before = await payload.count({ collection: 'images' })
    const text = Buffer.from('Das ist kein Bild, sondern Text.\n')
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(text, 'notiz.txt', 'text/plain', { alt: 'Kein Bild', credit }),
    })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(JSON.stringify(body.errors)).toMatch(/file type|Dateityp|invalid/i)
    expect(await payload.count({ collection: 'images' })).toEqual(before)
  })

  it('rejects a text file that pretends to be a PNG', async () => {
    const fake = Buffer.from('<script>alert(1)</script>')
    const { status } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(fake, 'fake.png', 'image/png', { alt: 'Falsch', credit }),
    })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
  })

  it('rejects SVG (scriptable) uploads', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    const { status } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(svg, 'bild.svg', 'image/svg+xml', { alt: 'SVG', credit }),
    })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
  })
})

describe('credits and licences', () => {
  let png: Buffer
  beforeAll(async () => {
    png = await makeImage('png', 300, 200)
  })

  const upload = (fields: Record<string, unknown>) =>
    rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(png, 'bild.png', 'image/png', fields),
    })

  it.each([
    [{ author: 'Elionas2', license: 'cc0', provider: 'Pixabay' }, 'Elionas2 (CC0), Pixabay'],
    [
      { author: 'Jane Doe', license: 'cc-by-sa-4.0', provider: 'Wikimedia Commons' },
      'Jane Doe (CC BY-SA 4.0), Wikimedia Commons',
    ],
    [{ license: 'public-domain', provider: 'NASA' }, '(Public Domain), NASA'],
    [{ author: 'dpa', license: 'all-rights-reserved' }, 'dpa (All rights reserved)'],
  ])('credit %j reads "%s"', async (creditFields, line) => {
    const { status, body } = await upload({ alt: 'Bild', credit: creditFields })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.creditLine).toBe(line)
  })

  it('keeps the credit line in step when the credit changes', async () => {
    const { body } = await upload({ alt: 'Bild', credit })
    const updated = await rest('PATCH', `images/${body.doc.id}`, {
      token: newsroom.editor.token,
      body: { credit: { ...credit, author: 'Andere Person' } },
    })
    expect(updated.body.doc.creditLine).toBe('Andere Person (CC0), Pixabay')
  })

  it('ignores a credit line sent by a client', async () => {
    const { body } = await upload({ alt: 'Bild', credit, creditLine: 'Gefälscht' })
    expect(body.doc.creditLine).toBe('Elionas2 (CC0), Pixabay')
  })

  it.each(['cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nd-4.0', 'cc-by-nc-4.0', 'cc-by-nc-sa-4.0'])(
    '%s without an author is refused with a clear 400',
    async (license) => {
      const before = await payload.count({ collection: 'images' })
      const { status, body } = await upload({
        alt: 'Bild',
        credit: { license, provider: 'Flickr' },
      })
      expect(status).toBe(400)
      expect(JSON.stringify(body)).toContain('verlangt die Nennung des Urhebers')
      expect(await payload.count({ collection: 'images' })).toEqual(before)
    },
  )

  it('requires a licence and alt text', async () => {
    const noLicense = await upload({ alt: 'Bild', credit: { author: 'X' } })
    expect(noLicense.status).toBe(400)
    const noAlt = await upload({ credit })
    expect(noAlt.status).toBe(400)
  })

  it('validates the source URL', async () => {
    const { status, body } = await upload({
      alt: 'Bild',
      credit: { ...credit, sourceUrl: 'javascript:alert(1)' },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain('http')
  })
})

describe('sources', () => {
  it('accept only http(s) URLs, with a clear 400', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org', 'apnews.com']) {
      const { status, body } = await rest('POST', 'sources', {
        token: newsroom.editor.token,
        body: { name: `Quelle ${url}`, url },
      })
      expect(status, url).toBe(400)
      expect(JSON.stringify(body.errors)).toMatch(/URL|http/)
    }
    const ok = await rest('POST', 'sources', {
      token: newsroom.editor.token,
      body: { name: 'The Associated Press', url: 'https://apnews.com', kind: 'agency' },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.doc.slug).toBe('the-associated-press')
  })

  it('have unique names', async () => {
    const first = await rest('POST', 'sources', {
      token: newsroom.editor.token,
      body: { name: 'Reuters' },
    })
    expect(first.status).toBe(201)
    const second = await rest('POST', 'sources', {
      token: newsroom.editor.token,
      body: { name: 'Reuters' },
    })
    expect(second.status).toBe(400)
  })
})
