/** The error `withTimeout` rejects with, so callers can tell a timeout from other failures. */
export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

/** `promise`, or a `TimeoutError` naming `what` after `ms` (its timer never holds the process). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`Timed out after ${ms} ms ${what}`)), ms)
    timer.unref?.()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
