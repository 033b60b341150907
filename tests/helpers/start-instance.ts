/**
 * One app instance's start, as a separate process (tests/int/startup-lock.test.ts):
 *
 *   tsx tests/helpers/start-instance.ts start <seed dir>
 *     imports everything, prints `ready` and waits for a line on stdin (so several processes
 *     begin together), then starts Payload (migrations) and runs the first-start seed; prints
 *     what it did.
 *   tsx tests/helpers/start-instance.ts inspect
 *     prints the applied migrations and the number of articles, sources and images.
 *
 * The database is DATABASE_URI of the environment.
 */
import { once } from 'node:events'

const [mode, seedDir] = process.argv.slice(2)
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { seedOnStart } = await import('@/seed/seedOnStart')

if (mode === 'start') {
  console.log('ready')
  await once(process.stdin, 'data')
  const payload = await getPayload({ config })
  const summary = await seedOnStart(payload, { dir: seedDir, env: {} })
  console.log(JSON.stringify({ seeded: summary?.counts ?? null }))
} else {
  const payload = await getPayload({ config })
  const migrations = await payload.find({
    collection: 'payload-migrations',
    limit: 0,
    pagination: false,
  })
  const count = async (collection: 'articles' | 'sources' | 'images') =>
    (await payload.count({ collection, overrideAccess: true })).totalDocs
  console.log(
    JSON.stringify({
      migrations: migrations.docs.map((doc) => doc.name).sort(),
      articles: await count('articles'),
      sources: await count('sources'),
      images: await count('images'),
    }),
  )
}
process.exit(0)
