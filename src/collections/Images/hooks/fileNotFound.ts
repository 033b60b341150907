import fs from 'node:fs/promises'
import path from 'node:path'

import {
  headersWithCors,
  type PayloadRequest,
  type UploadConfig,
  type Where,
  type CollectionSlug,
} from 'payload'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

/** Longest file name (bytes) a file system takes. */
const MAX_FILE_NAME_BYTES = 255

const answer = (req: PayloadRequest, status: number, message: string) =>
  Response.json(
    { errors: [{ message }] },
    { status, headers: headersWithCors({ headers: new Headers(), req }) },
  )

/**
 * `GET /api/images/file/<name>` (an `upload.handlers` entry, run before Payload serves the file
 * from `staticDir`): a name that is no file here is a 404, a name no file system can hold (NUL
 * byte, over 255 bytes) a 400. Payload answered both with 500 (`stat` failed). Existing files
 * are left to Payload (returns nothing).
 *
 * With the files in S3 (`S3_BUCKET`; the storage plugin turns off local storage and serves them
 * with a handler after this one) "here" is the collection: a name no image has is the same JSON
 * 404 without asking the bucket.
 */
export function fileNotFound(staticDir: string): FileHandler {
  // Payload's type wants a Response or nothing; `undefined` (serve the file) is what it checks for.
  return (req, { params }) =>
    answerFor(
      req,
      staticDir,
      params.collection as CollectionSlug,
      params.filename,
    ) as Promise<Response>
}

async function answerFor(
  req: PayloadRequest,
  staticDir: string,
  slug: CollectionSlug,
  filename: string,
): Promise<Response | undefined> {
  if (filename.includes('\0') || Buffer.byteLength(filename) > MAX_FILE_NAME_BYTES) {
    return answer(req, 400, 'Ungültiger Dateiname.')
  }
  const upload = req.payload.collections[slug]?.config.upload
  if (upload?.disableLocalStorage) {
    return (await hasFile(req, slug, filename, upload.imageSizes ?? []))
      ? undefined
      : answer(req, 404, 'Datei nicht gefunden.')
  }
  const directory = path.resolve(staticDir)
  const file = path.resolve(directory, filename)
  // Payload refuses paths outside the folder itself (and `../` before that).
  if (!file.startsWith(directory + path.sep)) return undefined
  try {
    if ((await fs.stat(file)).isFile()) return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENAMETOOLONG' || code === 'ERR_INVALID_ARG_VALUE')
      return answer(req, 400, 'Ungültiger Dateiname.')
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
  }
  return answer(req, 404, 'Datei nicht gefunden.')
}

/** Whether a document of the collection names the file, as its original or one of its sizes. */
async function hasFile(
  req: PayloadRequest,
  slug: CollectionSlug,
  filename: string,
  sizes: { name: string }[],
): Promise<boolean> {
  const where: Where = {
    or: [
      { filename: { equals: filename } },
      ...sizes.map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } })),
    ],
  }
  return Boolean(await req.payload.db.findOne({ collection: slug, req, where }))
}
