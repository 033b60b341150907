import type { Payload, Plugin, TaskConfig } from 'payload'

import { claimOnce, releaseClaim } from './claimOnce'

const WRAPPED = Symbol('schedulePublishOnce')

/** Cron ticks of all instances fall on the same wall-clock moment; this absorbs clock skew. */
const TICK_MS = 5_000

/**
 * Payload's jobs queue picks jobs by reading them and then marking them `processing`, two
 * steps: two instances running the queue on one database at the same moment can both pick the
 * same job (tests/int/response-cache.test.ts: without this, a scheduled publish ran four times
 * — four published versions, four notifications). Two guards, both atomic claims (claimOnce):
 *
 * - `shouldAutoRun`: of the instances whose cron fires at one tick, one runs the queue;
 * - Payload's `schedulePublish` task: each run (job and attempt) does its work once, whoever
 *   runs the queue (the cron, `GET /api/payload-jobs/run`, `payload.jobs.run()`). Payload adds
 *   that task while sanitizing the config, after plugins, so it is wrapped when Payload starts
 *   (`onInit`, before any job can run).
 */
export const schedulePublishOnce: Plugin = (config) => {
  const shouldAutoRun = config.jobs?.shouldAutoRun
  return {
    ...config,
    jobs: {
      ...config.jobs,
      shouldAutoRun: async (payload) => {
        if (shouldAutoRun && !(await shouldAutoRun(payload))) return false
        return claimTick(payload)
      },
    },
    onInit: async (payload) => {
      wrapSchedulePublish(payload)
      await config.onInit?.(payload)
    },
  }
}

async function claimTick(payload: Payload): Promise<boolean> {
  const tick = Math.round(Date.now() / TICK_MS)
  const claimed = await claimOnce(payload, `jobs-autorun:${tick}`, 60)
  // Claims of a minute ago are of no use any more (Redis lets them expire by itself).
  if (claimed) await releaseClaim(payload, `jobs-autorun:${tick - 60_000 / TICK_MS}`)
  return claimed
}

function wrapSchedulePublish(payload: Payload): void {
  const task = payload.config.jobs.tasks?.find(
    (candidate) => candidate.slug === 'schedulePublish',
  ) as (TaskConfig & { [WRAPPED]?: true }) | undefined
  const handler = task?.handler
  if (task?.[WRAPPED]) return
  if (!task || typeof handler !== 'function') {
    // Payload renamed or reshaped its task: scheduled publishes could run twice again.
    payload.logger.error(
      "[jobs] Payload's schedulePublish task was not found; scheduled publishing is not guarded",
    )
    return
  }
  task[WRAPPED] = true
  task.handler = (async (args) => {
    const { job, req } = args
    if (!(await claimOnce(req.payload, `schedulePublish:${job.id}:${job.totalTried ?? 0}`))) {
      req.payload.logger.info({ msg: `Scheduled publish job ${job.id} is run by another instance` })
      return { output: {} }
    }
    return handler(args)
  }) as typeof handler
}
