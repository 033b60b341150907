import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type DatabaseAdapterObj, type Migration } from 'payload'

import { Articles } from './collections/Articles'
import { Comments } from './collections/Comments'
import { Images } from './collections/Images'
import { Sources } from './collections/Sources'
import { Users } from './collections/Users'
import { ContentVersion } from './globals/ContentVersion'
import { CommentSettings } from './globals/CommentSettings'
import { canQueueJobs, canRunJobs } from './access/jobs'
import { malformedJsonIsBadRequest } from './hooks/malformedJsonIsBadRequest'
import { emailAdapter } from './lib/email'
import { boundedSharp } from './lib/images/boundedSharp'
import { parseDatabaseUri } from './lib/databaseUri'
import { repairLatestVersions } from './lib/repairLatestVersions'
import { resolvePayloadSecret } from './lib/secret'
import { trustedOrigins } from './lib/siteOrigin'
import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Site developers' limit for one GraphQL query; the site's own queries stay far below it. */
export const GRAPHQL_MAX_COMPLEXITY = 600

function databaseAdapter(): DatabaseAdapterObj {
  const target = parseDatabaseUri(process.env.DATABASE_URI)
  if (target.kind === 'mongodb') return mongooseAdapter({ url: target.url })
  if (target.filePath) fs.mkdirSync(path.dirname(path.resolve(target.filePath)), { recursive: true })
  return sqliteAdapter({
    client: { url: target.url },
    idType: 'uuid',
    migrationDir: path.resolve(dirname, 'migrations'),
    // The schema comes only from migrations, in every mode, so a development database and a
    // production one can never drift apart (and `payload migrate` never meets a dev push).
    push: false,
    prodMigrations: migrations,
    // WAL with synchronous=NORMAL: a commit no longer waits for an fsync, only checkpoints do
    // (measured here: 0.5–2k commits/s with FULL, over 10k/s with NORMAL), which matters for
    // comment posts (two commits each). Safe against process crashes; a power loss may drop the
    // last commits, never corrupt the file.
    wal: target.filePath ? { synchronous: 'NORMAL' } : undefined,
    busyTimeout: 5000,
  })
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
    components: {
      beforeDashboard: ['@/components/admin/ReviewQueue#ReviewQueue'],
      // Editors see how many reader comments wait for moderation, on every admin page.
      afterNavLinks: ['@/components/admin/PendingComments#PendingCommentsNavLink'],
    },
  },
  collections: [Articles, Sources, Images, Comments, Users],
  globals: [CommentSettings, ContentVersion],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  // Uploads: no picture bombs, one image processed at a time (src/lib/images/boundedSharp.ts).
  sharp: boundedSharp,
  i18n: {
    supportedLanguages: { de, en },
    fallbackLanguage: 'de',
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    schemaOutputFile: path.resolve(dirname, 'site/schema.graphql'),
  },
  upload: {
    limits: { fileSize: 20 * 1024 * 1024 },
  },
  email: emailAdapter(),
  hooks: {
    afterError: [malformedJsonIsBadRequest],
  },
  jobs: {
    access: { run: canRunJobs, queue: canQueueJobs, cancel: canQueueJobs },
    // Scheduled publishing needs no external cron in a long-running server. Serverless
    // deployments set JOBS_AUTORUN=false and call /api/payload-jobs/run with CRON_SECRET.
    autoRun: [{ cron: '*/15 * * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false' && process.env.NEXT_PHASE !== 'phase-production-build',
    deleteJobOnComplete: true,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  onInit: async (payload) => {
    // Production applies migrations while connecting (`prodMigrations`); other modes do it here.
    if (process.env.NODE_ENV !== 'production' && payload.db.name === 'sqlite') {
      await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    }
    // A crash while saving can leave two versions of a document marked latest; keep the newest.
    await repairLatestVersions(payload)
  },
})
