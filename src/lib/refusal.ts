import { APIError } from 'payload'

/** The name Payload's `loggingLevels` knows refusals by (payload.config.ts). */
export const REFUSAL = 'Refusal'

/**
 * A request the rules refuse (4xx): an author who may not publish, a comment without a valid
 * address, a page size out of range. The client gets the message; the log gets one INFO line,
 * not an ERROR with a stack, since nothing went wrong on the server.
 */
export class Refusal extends APIError<Record<string, unknown> | null> {
  constructor(message: string, status = 400, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    // Set by hand: bundlers may rename the class, and Payload matches the name.
    this.name = REFUSAL
  }
}
