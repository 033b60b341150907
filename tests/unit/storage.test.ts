import { describe, expect, it } from 'vitest'

import { DEFAULT_S3_REGION, parseS3Settings } from '@/lib/storage'

const thrownBy = (fn: () => unknown): Error => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    return error as Error
  }
  throw new Error('expected the call to throw')
}

const minio = {
  S3_BUCKET: 'newsroom-media',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_ACCESS_KEY_ID: 'newsroom',
  S3_SECRET_ACCESS_KEY: 'geheim-geheim',
  S3_FORCE_PATH_STYLE: 'true',
}

describe('parseS3Settings', () => {
  it.each([[{}], [{ S3_BUCKET: '' }], [{ S3_BUCKET: '   ' }]])(
    'keeps uploads in MEDIA_DIR without S3_BUCKET (%j)',
    (env) => {
      expect(parseS3Settings(env)).toBeUndefined()
    },
  )

  it('reads Amazon S3 with keys, the default region and no prefix', () => {
    expect(
      parseS3Settings({
        S3_BUCKET: 'newsroom-media',
        S3_ACCESS_KEY_ID: 'AKIA',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toStrictEqual({
      bucket: 'newsroom-media',
      region: DEFAULT_S3_REGION,
      endpoint: undefined,
      forcePathStyle: false,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      prefix: '',
    })
    expect(DEFAULT_S3_REGION).toBe('us-east-1')
  })

  it('leaves Amazon S3 without keys to the SDK’s credential chain (instance role)', () => {
    expect(
      parseS3Settings({ S3_BUCKET: 'newsroom-media', S3_REGION: 'eu-central-1' }),
    ).toMatchObject({ region: 'eu-central-1', credentials: undefined })
  })

  it('reads an S3-compatible store (MinIO)', () => {
    expect(parseS3Settings({ ...minio, S3_PREFIX: '/newsroom/media/' })).toStrictEqual({
      bucket: 'newsroom-media',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'newsroom', secretAccessKey: 'geheim-geheim' },
      prefix: 'newsroom/media',
    })
  })

  it.each([
    ['https://s3.example.org/', 'https://s3.example.org'],
    ['http://minio:9000', 'http://minio:9000'],
    ['https://fsn1.your-objectstorage.com', 'https://fsn1.your-objectstorage.com'],
  ])('takes the endpoint %j as %j', (endpoint, expected) => {
    expect(parseS3Settings({ ...minio, S3_ENDPOINT: endpoint })?.endpoint).toBe(expected)
  })

  it.each([
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['', false],
  ])('reads S3_FORCE_PATH_STYLE=%j as %j', (flag, expected) => {
    expect(parseS3Settings({ ...minio, S3_FORCE_PATH_STYLE: flag })?.forcePathStyle).toBe(expected)
  })

  it.each([
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, /^S3_ENDPOINT is set but S3_BUCKET is not/],
    [{ S3_ACCESS_KEY_ID: 'x' }, /^S3_ACCESS_KEY_ID is set but S3_BUCKET is not/],
    [{ ...minio, S3_BUCKET: '' }, /S3_BUCKET is not/],
    [
      { ...minio, S3_BUCKET: 'Newsroom_Media' },
      /^S3_BUCKET must be a bucket name.*"Newsroom_Media"/,
    ],
    [{ ...minio, S3_BUCKET: 'ab' }, /^S3_BUCKET must be/],
    [{ ...minio, S3_BUCKET: 'a..b' }, /^S3_BUCKET must be/],
    [{ ...minio, S3_BUCKET: 's3://newsroom' }, /^S3_BUCKET must be/],
    [{ ...minio, S3_REGION: 'EU Central' }, /^S3_REGION must be/],
    [{ ...minio, S3_ENDPOINT: '127.0.0.1:9000' }, /^S3_ENDPOINT must be the http/],
    [{ ...minio, S3_ENDPOINT: 'ftp://files.example.org' }, /^S3_ENDPOINT must be/],
    [{ ...minio, S3_ENDPOINT: 'http://minio:9000/?x=1' }, /^S3_ENDPOINT must be/],
    [{ ...minio, S3_ACCESS_KEY_ID: '' }, /^S3_ACCESS_KEY_ID must be set when S3_SECRET_ACCESS_KEY/],
    [{ ...minio, S3_SECRET_ACCESS_KEY: ' ' }, /^S3_SECRET_ACCESS_KEY must be set/],
    [
      { ...minio, S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' },
      /^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set when S3_ENDPOINT is/,
    ],
    [
      { ...minio, S3_FORCE_PATH_STYLE: 'ja' },
      /^S3_FORCE_PATH_STYLE must be "true" or "false"; got "ja"/,
    ],
    [{ ...minio, S3_PREFIX: 'media/../secrets' }, /^S3_PREFIX must be a folder path/],
    [{ ...minio, S3_PREFIX: 'media//x' }, /^S3_PREFIX must be/],
    [{ ...minio, S3_PREFIX: 'media\\x' }, /^S3_PREFIX must be/],
  ])('refuses %j with an error naming the variable', (env, message) => {
    expect(thrownBy(() => parseS3Settings(env)).message).toMatch(message)
  })

  it('never repeats credentials of an endpoint URL', () => {
    const error = thrownBy(() =>
      parseS3Settings({ ...minio, S3_ENDPOINT: 'http://user:hunter2@minio:9000' }),
    )
    expect(error.message).toMatch(/^S3_ENDPOINT must be/)
    expect(error.message).not.toContain('hunter2')
  })
})
