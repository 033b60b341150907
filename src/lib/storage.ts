/**
 * Where uploaded images live: the folder `MEDIA_DIR` (default), or an S3 bucket when `S3_BUCKET`
 * is set (Amazon S3 or an S3-compatible store such as MinIO, through `@payloadcms/storage-s3`).
 * Only reads the environment; every mistake is a start-up error that names the variable.
 */

export const DEFAULT_S3_REGION = 'us-east-1'

export type S3Settings = {
  bucket: string
  region: string
  /** An S3-compatible store's URL (no trailing slash); unset → Amazon S3 of `region`. */
  endpoint?: string
  forcePathStyle: boolean
  /** Unset → the AWS SDK's own credential chain (instance role, `AWS_*` variables, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** Folder inside the bucket, without leading or trailing slash; '' → the bucket's root. */
  prefix: string
}

type Env = Record<string, string | undefined>

const S3_VARIABLES = [
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
] as const

const value = (env: Env, name: string) => env[name]?.trim() || undefined

/** Hides the user info (user and password) of a URL in error messages. */
const redact = (url: string) => url.replace(/\/\/[^/]*@/, '//***@')

// Amazon's rules for new buckets: 3–63 characters, lowercase letters, digits, dots and hyphens,
// a letter or digit at both ends.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * Reads the `S3_*` variables: `undefined` without `S3_BUCKET` (uploads stay in `MEDIA_DIR`).
 */
export function parseS3Settings(env: Env): S3Settings | undefined {
  const bucket = value(env, 'S3_BUCKET')
  if (!bucket) {
    const stray = S3_VARIABLES.find((name) => value(env, name))
    if (stray) {
      throw new Error(
        `${stray} is set but S3_BUCKET is not: set S3_BUCKET to store uploads in S3, or remove the S3_* variables to keep them in MEDIA_DIR.`,
      )
    }
    return undefined
  }
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    throw new Error(
      `S3_BUCKET must be a bucket name of 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; got "${bucket}".`,
    )
  }

  const region = value(env, 'S3_REGION') ?? DEFAULT_S3_REGION
  if (!REGION.test(region)) {
    throw new Error(
      `S3_REGION must be a region name such as "eu-central-1" (lowercase letters, digits and hyphens); got "${region}".`,
    )
  }

  const endpoint = parseEndpoint(value(env, 'S3_ENDPOINT'))

  const accessKeyId = value(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = value(env, 'S3_SECRET_ACCESS_KEY')
  if (accessKeyId && !secretAccessKey) {
    throw new Error('S3_SECRET_ACCESS_KEY must be set when S3_ACCESS_KEY_ID is.')
  }
  if (secretAccessKey && !accessKeyId) {
    throw new Error('S3_ACCESS_KEY_ID must be set when S3_SECRET_ACCESS_KEY is.')
  }
  // Amazon S3 itself may take the credentials of the machine (an instance role); an
  // S3-compatible store has no such thing, and without keys every upload would fail later.
  if (endpoint && !accessKeyId) {
    throw new Error(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set when S3_ENDPOINT is (an S3-compatible store needs its own keys).',
    )
  }

  return {
    bucket,
    region,
    endpoint,
    forcePathStyle: parseFlag('S3_FORCE_PATH_STYLE', value(env, 'S3_FORCE_PATH_STYLE')),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey: secretAccessKey! } : undefined,
    prefix: parsePrefix(value(env, 'S3_PREFIX')),
  }
}

function parseEndpoint(text: string | undefined): string | undefined {
  if (!text) return undefined
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `S3_ENDPOINT must be the http:// or https:// URL of an S3-compatible store (e.g. http://127.0.0.1:9000), without credentials or query; got "${redact(text)}".`,
    )
  }
  return url.toString().replace(/\/+$/, '')
}

function parseFlag(name: string, text: string | undefined): boolean {
  if (!text) return false
  if (/^(true|1|yes)$/i.test(text)) return true
  if (/^(false|0|no)$/i.test(text)) return false
  throw new Error(`${name} must be "true" or "false"; got "${text}".`)
}

function parsePrefix(text: string | undefined): string {
  const prefix = (text ?? '').replace(/^\/+|\/+$/g, '')
  if (!prefix) return ''
  const segments = prefix.split('/')
  if (
    segments.some((segment) => !segment || segment === '.' || segment === '..') ||
    prefix.includes('\\') ||
    [...prefix].some((char) => char.charCodeAt(0) < 0x20)
  ) {
    throw new Error(
      `S3_PREFIX must be a folder path inside the bucket such as "newsroom/media" (no empty, "." or ".." parts, no backslashes); got "${text}".`,
    )
  }
  return prefix
}
