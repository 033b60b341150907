import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fakePayload = { name: 'fake payload' }
const getPayload = vi.fn(async () => fakePayload)
const seedOnStart = vi.fn(async () => undefined)

vi.mock('payload', () => ({ getPayload }))
vi.mock('@payload-config', () => ({ default: { fake: 'config' } }))
vi.mock('../../src/seed/seedOnStart', () => ({ seedOnStart }))

const { register, shouldSeedOnStart } = await import('../../src/instrumentation')

describe('first-start seed wiring', () => {
  const saved = { ...process.env }
  beforeEach(() => {
    getPayload.mockClear()
    seedOnStart.mockClear()
  })
  afterEach(() => {
    process.env = { ...saved }
  })

  it('runs only in the Node.js runtime, not when switched off, never during next build', () => {
    expect(shouldSeedOnStart({ NEXT_RUNTIME: 'nodejs' })).toBe(true)
    expect(shouldSeedOnStart({ NEXT_RUNTIME: 'edge' })).toBe(false)
    expect(shouldSeedOnStart({})).toBe(false)
    expect(shouldSeedOnStart({ NEXT_RUNTIME: 'nodejs', SEED_ON_START: 'false' })).toBe(false)
    expect(shouldSeedOnStart({ NEXT_RUNTIME: 'nodejs', NEXT_PHASE: 'phase-production-build' })).toBe(false)
  })

  it('starts Payload and seeds from register() in the Node.js runtime', async () => {
    process.env.NEXT_RUNTIME = 'nodejs'
    delete process.env.SEED_ON_START
    await register()
    expect(getPayload).toHaveBeenCalledWith({ config: { fake: 'config' } })
    expect(seedOnStart).toHaveBeenCalledWith(fakePayload)
  })

  it('does nothing in the edge runtime or when SEED_ON_START=false', async () => {
    process.env.NEXT_RUNTIME = 'edge'
    await register()
    process.env.NEXT_RUNTIME = 'nodejs'
    process.env.SEED_ON_START = 'false'
    await register()
    expect(getPayload).not.toHaveBeenCalled()
    expect(seedOnStart).not.toHaveBeenCalled()
  })

  it('never lets a failing start break the server start', async () => {
    process.env.NEXT_RUNTIME = 'nodejs'
    delete process.env.SEED_ON_START
    getPayload.mockRejectedValueOnce(new Error('no database'))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(register()).resolves.toBeUndefined()
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })
})
