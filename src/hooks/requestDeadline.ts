import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

/** How long one GraphQL request from a reader may keep starting database operations. */
const READER_GRAPHQL_DEADLINE_MS = 5000

const deadlineMessage =
  'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte senden Sie eine kleinere Abfrage.'

/** The deadline for this request (ms since epoch): `GRAPHQL_READER_DEADLINE_MS` overrides the default. */
export function setReaderDeadline(
  req: PayloadRequest,
  env: Record<string, string | undefined> = process.env,
): void {
  const configured = Number(env.GRAPHQL_READER_DEADLINE_MS)
  const limit =
    env.GRAPHQL_READER_DEADLINE_MS !== undefined && Number.isFinite(configured)
      ? configured
      : READER_GRAPHQL_DEADLINE_MS
  req.context.readerDeadline ??= Date.now() + limit
}

/**
 * Every collection operation of a request with a deadline (set for readers' GraphQL requests by
 * src/lib/graphql/validationRules.ts) checks it before it starts: past the deadline, the
 * request's remaining operations (populating relationships, further lists) fail with 503
 * instead of holding the database. What already runs is not interrupted.
 */
export const requestDeadline: CollectionBeforeOperationHook = ({ args, req }) => {
  const deadline = req.context?.readerDeadline
  if (typeof deadline === 'number' && Date.now() > deadline)
    throw new APIError(deadlineMessage, 503, undefined, true)
  return args
}
