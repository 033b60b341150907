import sharp, { type Sharp, type SharpOptions } from 'sharp'

/**
 * The `sharp` Payload uses for uploads (#15, picture bombs). A 0.7 MB PNG can hold 16000×16000
 * pixels, ~1 GB once decoded, and Payload makes every image size from its own decoded copy, all
 * at once. So:
 *
 * - no input over MAX_IMAGE_PIXELS is decoded (`limitInputPixels`; the Images collection answers
 *   such uploads with 413 before they get here: hooks/refuseOversizedImages.ts);
 * - at most IMAGE_PROCESSING_SLOTS sharp tasks (decode + encode: `toBuffer`, `toFile`,
 *   `metadata`, `stats`) run at a time in this process, clones included; the rest wait their
 *   turn. A task holds its slot until it settles, so nothing can leak one.
 *
 * Measured: three concurrent uploads of a 49-megapixel PNG add ~210 MB to the process while
 * they are processed (~390 MB without the one-slot bound). The server's resident size under the
 * bench load is in bench/README.md (peak 468 MB with the custom server, 358 MB before it).
 */
export const MAX_IMAGE_PIXELS = 50_000_000
const IMAGE_PROCESSING_SLOTS = 1

/** A counting semaphore; `active`/`peak` for tests and diagnostics. */
class Slots {
  active = 0
  peak = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
    this.peak = Math.max(this.peak, this.active)
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}

export const imageSlots = new Slots(IMAGE_PROCESSING_SLOTS)

const TASKS = ['toBuffer', 'toFile', 'metadata', 'stats'] as const

function bounded(instance: Sharp): Sharp {
  const clone = instance.clone.bind(instance)
  instance.clone = () => bounded(clone())
  for (const name of TASKS) {
    const original = (instance[name] as (...args: unknown[]) => unknown).bind(instance)
    // The callback forms are not used by Payload; they run as they are.
    ;(instance as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      args.some((arg) => typeof arg === 'function')
        ? original(...args)
        : imageSlots.run(() => original(...args) as Promise<unknown>)
  }
  return instance
}

type SharpInput = Parameters<typeof sharp>[0]

function boundedSharpFactory(input?: SharpInput, options?: SharpOptions): Sharp {
  return bounded(sharp(input as never, { limitInputPixels: MAX_IMAGE_PIXELS, ...options }))
}

/** Drop-in for `sharp` in Payload's config (static members such as `sharp.cache` included). */
export const boundedSharp = Object.assign(boundedSharpFactory, sharp) as unknown as typeof sharp
