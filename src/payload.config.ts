import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { redisKVAdapter } from '@payloadcms/kv-redis'
import { s3Storage } from '@payloadcms/storage-s3'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import {
  buildConfig,
  databaseKVAdapter,
  type Config,
  type DatabaseAdapterObj,
  type KVAdapterResult,
  type Plugin,
} from 'payload'

import { Articles } from './collections/Articles'
import { articleSeoPlugin } from './collections/Articles/seo'
import { Comments } from './collections/Comments'
import { Images } from './collections/Images'
import { Sources } from './collections/Sources'
import { Users } from './collections/Users'
import { ContentVersion } from './globals/ContentVersion'
import { CommentSettings } from './globals/CommentSettings'
import { canQueueJobs, canRunJobs } from './access/jobs'
import { systemOnly } from './access/systemOnly'
import { malformedJsonIsBadRequest } from './hooks/malformedJsonIsBadRequest'
import { requestMistakesAreClientErrors } from './hooks/requestMistakesAreClientErrors'
import { graphqlValidationRules } from './lib/graphql/validationRules'
import { emailAdapter } from './lib/email'
import { parseDatabaseUri, parsePoolMax, parseReadReplicas } from './lib/databaseUri'
import { redisKeyPrefix } from './lib/redis'
import { parseS3Settings } from './lib/storage'
import { deFormal } from './i18n/deFormal'
import { DATE_TIME_FORMAT, NEWSROOM_TIME_ZONE, applyNewsroomTimeZone } from './lib/newsroomTime'
import { REFUSAL } from './lib/refusal'
import { resolvePayloadSecret } from './lib/secret'
import { schedulePublishOnce } from './lib/jobs/schedulePublishOnce'
import { discardUntouchedArticles } from './lib/articles/discardUntouchedPlugin'
import { withStartupLock } from './lib/startupLock'
import { migrationDirs, migrationsFor } from './migrations'
import { boundedSharp } from './lib/images/boundedSharp'
import { repairLatestVersions } from './lib/repairLatestVersions'
import { trustedOrigins } from './lib/trustedOrigins'

const dirname = path.dirname(fileURLToPath(import.meta.url))

applyNewsroomTimeZone()

/** Site developers' limit for one GraphQL query; the site's own queries stay far below it. */
export const GRAPHQL_MAX_COMPLEXITY = 600

function databaseAdapter(): DatabaseAdapterObj {
  const target = parseDatabaseUri(process.env.DATABASE_URI)
  if (target.kind === 'mongodb') return mongooseAdapter({ url: target.url })
  // The schema comes only from migrations, in every mode, so a development database and a
  // production one can never drift apart (and `payload migrate` never meets a dev push). They
  // run in onInit under a lock, not through the adapters' `prodMigrations`.
  if (target.kind === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: target.url, max: parsePoolMax(process.env.DATABASE_POOL_MAX) },
      readReplicas: parseReadReplicas(process.env.DATABASE_READ_REPLICAS),
      idType: 'uuid',
      migrationDir: path.resolve(dirname, 'migrations', migrationDirs.postgres),
      push: false,
    })
  }
  if (target.filePath)
    fs.mkdirSync(path.dirname(path.resolve(target.filePath)), { recursive: true })
  // SQLite: a single server; PostgreSQL is the production database. PostgreSQL runs every write
  // in a transaction; SQLite keeps the adapter's default, no transactions (`transactionOptions`
  // unset): with them on, 59 of 60 concurrent article saves failed at once with `SQLITE_BUSY`
  // (measured 2026-12-04; the libSQL client gives each transaction a new connection, which
  // `busyTimeout` never reaches — tursodatabase/libsql-client-ts#288). Instead every write is
  // checked before anything is stored (relations, field values: a 400 stores nothing), and the
  // several "latest" versions a crash may leave are repaired on start (repairLatestVersions.ts).
  return sqliteAdapter({
    client: { url: target.url },
    idType: 'uuid',
    migrationDir: path.resolve(dirname, 'migrations', migrationDirs.sqlite),
    push: false,
    // WAL with synchronous=NORMAL: a commit no longer waits for an fsync, only checkpoints do
    // (measured here: 0.5–2k commits/s with FULL, over 10k/s with NORMAL), which matters for
    // comment posts (two commits each). Safe against process crashes; a power loss may drop the
    // last commits, never corrupt the file.
    wal: target.filePath ? { synchronous: 'NORMAL' } : undefined,
    busyTimeout: 5000,
  })
}

/**
 * `payload.kv`: in Redis when REDIS_URL is set, shared by every instance; otherwise Payload's
 * default, the database. The database store's hidden collection stays in the config either
 * way, so the schema (migrations, generated types) does not depend on REDIS_URL.
 */
function kvAdapter(): KVAdapterResult | undefined {
  const redisURL = process.env.REDIS_URL
  if (!redisURL) return undefined
  return {
    ...redisKVAdapter({ redisURL, keyPrefix: `${redisKeyPrefix()}kv:` }),
    kvCollection: databaseKVAdapter().kvCollection,
  }
}

/**
 * Uploaded images (the original and every size): in MEDIA_DIR, or in an S3 bucket when
 * S3_BUCKET is set (src/lib/storage.ts). Either way readers get them through Payload at
 * /api/images/file/<name>, with the collection's access rules. The plugin's two fields
 * (`prefix`, `_objectKey`) are in the collection either way (`alwaysInsertFields`), so the
 * schema does not depend on S3_BUCKET; S3_PREFIX is the bucket folder of every object, added to
 * the key when it is built (`useCompositePrefixes`), so the documents' own prefix stays empty.
 */
function imageStorage(): Plugin {
  const s3 = parseS3Settings(process.env)
  const storage = s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? '',
    collections: { images: { prefix: s3?.prefix ?? '' } },
    useCompositePrefixes: true,
    config: s3
      ? {
          region: s3.region,
          endpoint: s3.endpoint,
          forcePathStyle: s3.forcePathStyle,
          credentials: s3.credentials,
          // S3-compatible stores: checksums only where S3 requires them, since not all of them
          // take the SDK's default CRC32 headers and trailers (Amazon S3 keeps the defaults).
          ...(s3.endpoint && {
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }),
        }
      : {},
  })
  // Where an object lies is the server's business: API clients neither see nor set either
  // field (both stay empty here: no per-document prefixes, no uploads straight from browsers).
  const serverOnly = new Set(['prefix', '_objectKey'])
  return async (incoming) => {
    const config = await storage(incoming)
    return {
      ...config,
      collections: config.collections?.map((collection) =>
        collection.slug !== Images.slug
          ? collection
          : {
              ...collection,
              fields: collection.fields.map((field) =>
                field.type === 'text' && serverOnly.has(field.name)
                  ? {
                      ...field,
                      hidden: true,
                      access: { ...field.access, create: systemOnly, update: systemOnly },
                    }
                  : field,
              ),
            },
      ),
    }
  }
}

export default buildConfig({
  serverURL: process.env.NEXT_PUBLIC_SERVER_URL || undefined,
  secret: resolvePayloadSecret(),
  // Writes with the login cookie only from the newsroom's own origin (Payload accepts every
  // origin when the list is empty); production does not start without NEXT_PUBLIC_SERVER_URL.
  csrf: trustedOrigins(),
  cors: trustedOrigins(),
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname) },
    meta: { titleSuffix: ' – Newsroom' },
    // German dates everywhere in the admin (lists, versions, document info): 03.12.2026, 19:40.
    dateFormat: DATE_TIME_FORMAT,
    // The newsroom works in Berlin time: date fields with `timezone: true` and the scheduled
    // publish drawer offer it as the only zone.
    timezones: {
      supportedTimezones: [{ label: 'Berlin (MEZ/MESZ)', value: NEWSROOM_TIME_ZONE }],
      defaultTimezone: NEWSROOM_TIME_ZONE,
    },
    components: {
      beforeDashboard: [
        '@/components/admin/ReviewQueue#ReviewQueue',
        // Editors and admins: reader comments waiting for moderation, by article.
        '@/components/admin/PendingCommentsDashboard#PendingCommentsDashboard',
      ],
      // Editors see how many reader comments wait for moderation, on every admin page.
      afterNavLinks: ['@/components/admin/PendingComments#PendingCommentsNavLink'],
    },
  },
  collections: [Articles, Sources, Images, Comments, Users],
  globals: [CommentSettings, ContentVersion],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  kv: kvAdapter(),
  // Uploads: no picture bombs, one image processed at a time (src/lib/images/boundedSharp.ts).
  sharp: boundedSharp,
  i18n: {
    supportedLanguages: { de, en },
    fallbackLanguage: 'de',
    // Payload's German says "du"; the newsroom, like the site, says "Sie".
    translations: { de: deFormal },
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    // A budget of list queries and fields per document, readers' page sizes
    // (src/lib/graphql/validationRules.ts); Payload adds them after its complexity rule.
    validationRules: graphqlValidationRules,
    schemaOutputFile: path.resolve(dirname, 'site/schema.graphql'),
  },
  upload: {
    limits: { fileSize: 20 * 1024 * 1024 },
  },
  email: emailAdapter(),
  hooks: {
    afterError: [malformedJsonIsBadRequest, requestMistakesAreClientErrors],
  },
  // Expected refusals are one INFO line with the message (Payload logs every other error with
  // its stack): our rules' 4xx answers, wrong passwords, bad queries. Payload already counts
  // Forbidden, Locked, NotFound and ValidationError among them. A locked account is worth a look.
  // (Payload matches any error's `name`; its type lists only its own names.)
  loggingLevels: {
    [REFUSAL]: 'info',
    AuthenticationError: 'info',
    UnauthorizedError: 'info',
    UnverifiedEmail: 'info',
    QueryError: 'info',
    LockedAuth: 'warn',
  } as Config['loggingLevels'],
  jobs: {
    access: { run: canRunJobs, queue: canQueueJobs, cancel: canQueueJobs },
    // Scheduled publishing needs no external cron in a long-running server. Serverless
    // deployments set JOBS_AUTORUN=false and call /api/payload-jobs/run with CRON_SECRET.
    autoRun: [{ cron: '*/15 * * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () =>
      process.env.JOBS_AUTORUN !== 'false' && process.env.NEXT_PHASE !== 'phase-production-build',
    deleteJobOnComplete: true,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  // Two instances running the jobs queue together publish a scheduled article once. The SEO
  // plugin adds its generate endpoints and texts; its fields sit in the articles collection.
  // „Neu erstellen“ and leaving without typing leaves no empty article behind. Images go to
  // S3 when S3_BUCKET is set.
  plugins: [schedulePublishOnce, articleSeoPlugin, discardUntouchedArticles, imageStorage()],
  onInit: async (payload) => {
    if (payload.db.name === 'postgres') {
      // pg's pools emit 'error' when the server ends an idle connection (restart, failover,
      // an administrator); without a listener that error would end the whole process.
      type Pool = import('pg').Pool
      const db = payload.db as unknown as {
        pool: Pool
        drizzle: { $replicas?: { $client: Pool }[] }
      }
      for (const pool of [
        db.pool,
        ...(db.drizzle.$replicas ?? []).map((replica) => replica.$client),
      ]) {
        pool.on('error', (err) =>
          payload.logger.warn({ err, msg: 'PostgreSQL ended an idle connection' }),
        )
      }
    }
    // Every start, in every mode, applies the missing migrations: once, however many instances
    // start together (the others wait for the lock, then find nothing left to do).
    const migrations = migrationsFor(payload.db.name)
    if (migrations)
      await withStartupLock(payload, 'migrations', () => payload.db.migrate({ migrations }))
    // A crash while saving can leave two versions of a document marked latest; keep the newest.
    await repairLatestVersions(payload)
  },
})
