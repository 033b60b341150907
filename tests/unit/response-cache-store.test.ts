import { describe, expect, it, vi } from 'vitest'

import { ResponseStore, type Entry } from '@/lib/responseCache/store'
import { ContentVersionWatch } from '@/lib/responseCache/versionWatch'

const entry = (version: string, bytes = 100, expiresAt = Number.POSITIVE_INFINITY): Entry => ({
  version,
  tags: [],
  headers: {},
  body: Buffer.alloc(bytes),
  expiresAt,
})

describe('response store', () => {
  it('serves an entry only for its own version', () => {
    const store = new ResponseStore(10_000, 5_000)
    store.useVersion('v1')
    expect(store.set('a', entry('v1'))).toBe(true)
    expect(store.get('a', 'v1')).toBeDefined()
    expect(store.get('a', 'v2')).toBeUndefined()
    // A request that still saw an older version does not evict the current entry.
    expect(store.get('a', 'v1')).toBeDefined()
  })

  it('refuses entries of another version than the current one', () => {
    const store = new ResponseStore(10_000, 5_000)
    store.useVersion('v2')
    expect(store.set('a', entry('v1'))).toBe(false)
    expect(store.size).toBe(0)
  })

  it('drops everything when the version moves', () => {
    const store = new ResponseStore(10_000, 5_000)
    store.useVersion('v1')
    store.set('a', entry('v1'))
    store.set('b', entry('v1'))
    store.useVersion('v2')
    expect(store.size).toBe(0)
    expect(store.totalBytes).toBe(0)
  })

  it('expires entries by time', () => {
    const store = new ResponseStore(10_000, 5_000)
    store.useVersion('v1')
    store.set('a', entry('v1', 10, 1_000))
    expect(store.get('a', 'v1', 999)).toBeDefined()
    expect(store.get('a', 'v1', 1_000)).toBeUndefined()
    expect(store.size).toBe(0)
  })

  it('keeps within its byte budget, dropping the least recently used', () => {
    const store = new ResponseStore(3_000, 3_000)
    store.useVersion('v1')
    store.set('a', entry('v1', 700))
    store.set('b', entry('v1', 700))
    store.get('a', 'v1')
    store.set('c', entry('v1', 700))
    expect(store.totalBytes).toBeLessThanOrEqual(3_000)
    expect(store.get('b', 'v1')).toBeUndefined()
    expect(store.get('a', 'v1')).toBeDefined()
    expect(store.get('c', 'v1')).toBeDefined()
  })

  it('refuses entries larger than one entry may be; replacing an entry does not leak bytes', () => {
    const store = new ResponseStore(10_000, 1_000)
    store.useVersion('v1')
    expect(store.set('big', entry('v1', 600))).toBe(false)
    store.set('a', entry('v1', 200))
    store.set('a', entry('v1', 200))
    expect(store.size).toBe(1)
    expect(store.totalBytes).toBeLessThan(1_000)
  })
})

/** A schedule the test controls: reads start only when `flush()` runs the queued turn. */
function manualSchedule() {
  const queue: (() => void)[] = []
  return {
    schedule: (run: () => void) => queue.push(run),
    flush: () => queue.splice(0).forEach((run) => run()),
    pending: () => queue.length,
  }
}

describe('content version watch', () => {
  it('callers before the read starts share one read; later callers get a new one', async () => {
    let stored = 'v1'
    const read = vi.fn(async () => stored)
    const turn = manualSchedule()
    const watch = new ContentVersionWatch(read, undefined, { schedule: turn.schedule })
    const first = watch.version()
    const second = watch.version()
    expect(turn.pending()).toBe(1)
    turn.flush()
    expect(await first).toBe('v1')
    expect(await second).toBe('v1')
    expect(read).toHaveBeenCalledTimes(1)
    stored = 'v2'
    const third = watch.version()
    turn.flush()
    expect(await third).toBe('v2')
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('a read never starts before the caller asked: a change committed before the call is seen', async () => {
    let stored = 'v1'
    const turn = manualSchedule()
    const watch = new ContentVersionWatch(async () => stored, undefined, {
      schedule: turn.schedule,
    })
    const before = watch.version()
    stored = 'v2' // committed after the first call, before its read started: may be seen, is fine
    const after = watch.version()
    turn.flush()
    expect(await after).toBe('v2')
    expect(await before).toBe('v2')
  })

  it('runs onChange once per move, and nobody learns the new version before it finished', async () => {
    let stored = 'v1'
    const events: string[] = []
    let finishChange!: () => void
    const onChange = vi.fn(async ({ from, to }: { from: string; to: string }) => {
      events.push(`change ${from}→${to}`)
      await new Promise<void>((resolve) => (finishChange = resolve))
      events.push('change done')
    })
    const watch = new ContentVersionWatch(async () => stored, onChange)
    expect(await watch.version()).toBe('v1')
    expect(onChange).not.toHaveBeenCalled()
    stored = 'v2'
    const waiting = Promise.all([
      watch.version().then((v) => events.push(`got ${v}`)),
      new Promise(setImmediate).then(() => watch.version()).then((v) => events.push(`got ${v}`)),
    ])
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(events).toEqual(['change v1→v2'])
    finishChange()
    await waiting
    expect(events).toEqual(['change v1→v2', 'change done', 'got v2', 'got v2'])
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(watch.known).toBe('v2')
  })

  it('an older read finishing late does not move the version back', async () => {
    const answers: ((version: string) => void)[] = []
    const read = () => new Promise<string>((resolve) => answers.push(resolve))
    const turn = manualSchedule()
    const onChange = vi.fn(async () => undefined)
    const watch = new ContentVersionWatch(read, onChange, { schedule: turn.schedule })
    const first = watch.version()
    turn.flush()
    answers[0]('v1')
    await first
    const older = watch.version()
    turn.flush()
    const newer = watch.version()
    turn.flush()
    answers[2]('v3')
    await newer
    answers[1]('v2')
    expect(await older).toBe('v2')
    expect(watch.known).toBe('v3')
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('a failing reaction is logged, leaves the new version unknown, and is retried by the next request', async () => {
    let stored = 'v1'
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const onChange = vi
      .fn()
      .mockRejectedValueOnce(new Error('revalidation down'))
      .mockResolvedValue(undefined)
    const watch = new ContentVersionWatch(async () => stored, onChange)
    await watch.version()
    stored = 'v2'
    expect(await watch.version()).toBe('v2')
    expect(error).toHaveBeenCalled()
    expect(watch.known).toBe('v1')
    expect(await watch.version()).toBe('v2')
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(watch.known).toBe('v2')
    error.mockRestore()
  })
})
