import fs from 'node:fs'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { imageSlots, MAX_IMAGE_PIXELS } from '@/lib/images/boundedSharp'
import { rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage, uploadForm } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/** Picture bombs (#15): a 0.8 MB PNG of 16000×16000 pixels decodes to ~1 GB. */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let bomb: Buffer

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } })
    .png()
    .toBuffer()
})
afterAll(async () => ctx?.close())

const credit = { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' }
const storedFiles = () => fs.readdirSync(process.env.MEDIA_DIR!)
const TOO_BIG =
  /Das Bild ist zu groß: 16000 × 16000 Pixel \(256 Megapixel\)\. Erlaubt sind höchstens 50 Megapixel/

describe('image uploads beyond 50 megapixels', () => {
  it('are refused over REST with 413 and a message, storing nothing', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const before = { count: await payload.count({ collection: 'images' }), files: storedFiles() }
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(bomb, 'bombe.png', 'image/png', { alt: 'Riesig', credit }),
    })
    expect(status).toBe(413)
    expect(body.errors[0].message).toMatch(TOO_BIG)
    expect(await payload.count({ collection: 'images' })).toEqual(before.count)
    expect(storedFiles()).toEqual(before.files)
  })

  it('are refused through the Local API, and as a replacement file of an existing image', async () => {
    const local = payload.create({
      collection: 'images',
      data: { alt: 'Riesig', credit } as any,
      file: imageFile(bomb, 'bombe.png', 'image/png'),
      overrideAccess: false,
      user: { ...newsroom.editor, collection: 'users' },
    })
    await expect(local).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(TOO_BIG),
    })

    const small = await makeImage('png', 800, 600)
    const created = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(small, 'klein.png', 'image/png', { alt: 'Klein', credit }),
    })
    expect(created.status).toBe(201)
    const files = storedFiles()
    const replaced = await rest('PATCH', `images/${created.body.doc.id}`, {
      token: newsroom.editor.token,
      formData: uploadForm(bomb, 'bombe.png', 'image/png', { alt: 'Klein' }),
    })
    expect(replaced.status).toBe(413)
    expect(storedFiles()).toEqual(files)
    expect((await payload.findByID({ collection: 'images', id: created.body.doc.id })).width).toBe(
      800,
    )
  })

  it('a picture just within the limit is still taken, with every size', async () => {
    const side = Math.floor(Math.sqrt(MAX_IMAGE_PIXELS))
    const large = await sharp({
      create: { width: side, height: side, channels: 3, background: '#369' },
    })
      .jpeg()
      .toBuffer()
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(large, 'gross.jpg', 'image/jpeg', { alt: 'Groß', credit }),
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc).toMatchObject({ width: side, height: side })
    expect(body.doc.sizes.hero).toMatchObject({ width: 1600, height: 1600 })
  })
})

describe('image processing', () => {
  it('runs one sharp task at a time, however many uploads arrive together', async () => {
    imageSlots.peak = 0
    const uploads = await Promise.all(
      [1, 2, 3].map(async (n) =>
        rest('POST', 'images', {
          token: newsroom.editor.token,
          formData: uploadForm(
            await makeImage('png', 2400, 1600),
            `gleichzeitig-${n}.png`,
            'image/png',
            { alt: `Bild ${n}`, credit },
          ),
        }),
      ),
    )
    expect(uploads.map((upload) => upload.status)).toEqual([201, 201, 201])
    for (const upload of uploads)
      expect(Object.keys(upload.body.doc.sizes)).toEqual(['thumbnail', 'card', 'hero', 'og'])
    expect(imageSlots.peak).toBe(1)
  })
})
