/**
 * Queues the publish of one article for a moment, exactly as the admin's „Veröffentlichung
 * planen“ does (Payload's `schedulePublish` task in the jobs queue), from a process of its own
 * on the cluster's database — it runs no jobs itself (`JOBS_AUTORUN=false`), the servers do.
 *
 * Usage: node --import tsx tests/cluster/queueScheduledPublish.ts <articleId> <ISO time>
 */
import config from '@payload-config'
import { getPayload } from 'payload'

const [articleId, at] = process.argv.slice(2)
if (!articleId || Number.isNaN(Date.parse(at ?? ''))) {
  throw new Error('usage: queueScheduledPublish.ts <articleId> <ISO time>')
}
const payload = await getPayload({ config })
await payload.jobs.queue({
  task: 'schedulePublish',
  waitUntil: new Date(at!),
  input: { type: 'publish', doc: { relationTo: 'articles', value: articleId } },
})
await payload.destroy()
process.exit(0)
