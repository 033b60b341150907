import fs from 'node:fs'

import config from '@payload-config'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Image } from '@/payload-types'
import { rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage, uploadForm } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * With S3_BUCKET the images (original and every size) live in the bucket, through Payload's
 * `@payloadcms/storage-s3`, and readers still get them from Payload at /api/images/file/<name>.
 * The bucket is s3rver's (a fake S3 server on a free port with a temporary folder), reached as
 * an S3-compatible store: endpoint, path-style addresses, its fixed keys, a prefix.
 */
// Before any import: the config reads the environment when it is imported.
const s3 = await vi.hoisted(async () => {
  const fs = await import('node:fs')
  const os = await import('node:os')
  const path = await import('node:path')
  const { default: S3rver } = await import('s3rver')
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-s3-'))
  const bucket = 'newsroom-test'
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = await server.run()
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PREFIX: 'newsroom/media',
  }
  Object.assign(process.env, env)
  return { server, directory, bucket, env }
})

const client = new S3Client({
  region: 'us-east-1',
  endpoint: s3.env.S3_ENDPOINT,
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
})
const restGet = REST_GET(config)

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => {
  await ctx?.close()
  client.destroy()
  await s3.server.close()
  fs.rmSync(s3.directory, { recursive: true, force: true })
  for (const name of Object.keys(s3.env)) delete process.env[name]
})

const credit = { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' } as const

/** Every key in the bucket. */
async function objectKeys(): Promise<string[]> {
  const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))
  return Contents.map(({ Key }) => Key!).sort()
}

async function objectBytes(key: string): Promise<Buffer> {
  const { Body } = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))
  return Buffer.from(await Body!.transformToByteArray())
}

/** The file names of an image: the original's and each size's. */
const fileNames = (doc: Image): string[] => [
  doc.filename!,
  ...Object.values(doc.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : [])),
]

const keysOf = (doc: Image) => fileNames(doc).map((name) => `newsroom/media/${name}`)

/** GET of a file URL through Payload's REST handler (as Next.js calls it), with the raw bytes. */
async function download(url: string) {
  const request = new Request(new URL(url, 'http://localhost:3000'))
  const slug = new URL(request.url).pathname.replace(/^\/api\//, '').split('/')
  const response = await restGet(request, { params: Promise.resolve({ slug }) })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

/** Everything under MEDIA_DIR (the test's own empty folder). */
const localFiles = () => fs.readdirSync(process.env.MEDIA_DIR!, { recursive: true })

describe('images in S3 (S3_BUCKET)', () => {
  let viaLocalApi: Image
  let viaRest: Image
  let original: Buffer

  beforeAll(async () => {
    original = await makeImage('jpeg', 2000, 1500)
  })

  it('stores an editor’s upload through the Local API in the bucket: the original and every size', async () => {
    viaLocalApi = await payload.create({
      collection: 'images',
      data: { alt: 'Hafen im Nebel', credit },
      file: imageFile(original, 'hafen.jpg', 'image/jpeg'),
      overrideAccess: false,
      user: { ...newsroom.editor, collection: 'users' },
    })
    expect(Object.keys(viaLocalApi.sizes ?? {}).sort()).toEqual(['card', 'hero', 'og', 'thumbnail'])
    expect(await objectKeys()).toEqual(keysOf(viaLocalApi).sort())
    expect(await objectBytes(`newsroom/media/${viaLocalApi.filename}`)).toEqual(original)
    expect(localFiles()).toEqual([])
  })

  it('stores an upload through REST in the bucket too', async () => {
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: uploadForm(await makeImage('png', 2000, 1500), 'karte.png', 'image/png', {
        alt: 'Karte',
        credit,
      }),
    })
    expect(status, JSON.stringify(body)).toBe(201)
    viaRest = body.doc
    expect(viaRest.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    const keys = await objectKeys()
    for (const key of keysOf(viaRest)) expect(keys).toContain(key)
    expect(keys).toHaveLength(keysOf(viaLocalApi).length + keysOf(viaRest).length)
    expect(localFiles()).toEqual([])
  })

  it('keeps the URLs on Payload and serves the bucket’s bytes there, original and sizes', async () => {
    expect(viaLocalApi.url).toBe(`/api/images/file/${viaLocalApi.filename}`)
    const original = await download(viaLocalApi.url!)
    expect(original).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(original.bytes).toEqual(await objectBytes(`newsroom/media/${viaLocalApi.filename}`))
    for (const doc of [viaLocalApi, viaRest]) {
      for (const size of Object.values(doc.sizes ?? {})) {
        expect(size!.url).toBe(`/api/images/file/${size!.filename}`)
        const file = await download(size!.url!)
        expect(file.status, size!.url!).toBe(200)
        expect(file.bytes).toEqual(await objectBytes(`newsroom/media/${size!.filename}`))
      }
    }
  })

  it('answers a name no image has with the JSON 404 of local storage', async () => {
    const { status, body } = await rest('GET', 'images/file/gibt-es-nicht.jpg')
    expect(status).toBe(404)
    expect(JSON.stringify(body)).toContain('Datei nicht gefunden')
  })

  it('lets no client choose where an object lies', async () => {
    const { status, body } = await rest('PATCH', `images/${viaRest.id}`, {
      token: newsroom.editor.token,
      body: { prefix: 'anderswo', _objectKey: 'fremd' },
    })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.doc).not.toHaveProperty('prefix')
    expect(body.doc).not.toHaveProperty('_objectKey')
    const stored = await payload.findByID({
      collection: 'images',
      id: viaRest.id,
      depth: 0,
      showHiddenFields: true,
    })
    expect(stored).toMatchObject({ prefix: '' })
    expect(stored._objectKey ?? null).toBeNull()
    expect((await download(viaRest.url!)).status).toBe(200)
  })

  it('deletes the objects with the image (Local API and REST)', async () => {
    await payload.delete({
      collection: 'images',
      id: viaLocalApi.id,
      overrideAccess: false,
      user: { ...newsroom.editor, collection: 'users' },
    })
    expect(await objectKeys()).toEqual(keysOf(viaRest).sort())
    const { status } = await rest('DELETE', `images/${viaRest.id}`, {
      token: newsroom.editor.token,
    })
    expect(status).toBe(200)
    expect(await objectKeys()).toEqual([])
    expect((await download(viaRest.url!)).status).toBe(404)
    expect(localFiles()).toEqual([])
  })
})
