/**
 * The site's only way to content: `POST /api/graphql` on the app's own server, the way an
 * outside front end would call it.
 *
 * - Readers: anonymous (no cookie, no token), `cache: 'force-cache'` with the cache tags the
 *   content hooks revalidate on publish, so a cached page never asks the database again.
 * - Preview (an editor in Next.js draft mode): the editor's token as `Authorization: JWT …`
 *   (Payload ignores cookies without an Origin header for CSRF reasons), `draft: true`, no cache.
 */
import { cacheTags } from '@/lib/revalidate'

import type { TypedDocumentString } from './gql/graphql'

export type PreviewSession = { token: string }

export type QueryOptions = {
  /** Cache tags from `cacheTags` (src/lib/revalidate.ts) that expire this answer. */
  tags: string[]
  /** The editor's session in preview mode; `null` for readers. */
  preview?: PreviewSession | null
  /**
   * For answers that also depend on the clock (`commentsOpen`): kept at most this many seconds,
   * besides expiring with their tags.
   */
  maxAgeSeconds?: number
}

class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'GraphQLRequestError'
  }
}

/** Where the app's own API answers: `SITE_API_URL`, else the local server on `PORT`. */
export function apiBaseUrl(): string {
  const base = process.env.SITE_API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`
  return base.replace(/\/+$/, '')
}

type GraphQLResponse<T> = { data?: T | null; errors?: { message: string }[] }

/** `draft` is only ever sent in preview; for readers it is left out of the variables. */
type VariablesOf<TVariables> = Omit<TVariables, 'draft'>

type Caching = { tags: string[]; maxAgeSeconds?: number } | 'no-store'

async function post<TResult>(
  body: Record<string, unknown>,
  headers: Record<string, string>,
  caching: Caching,
) {
  const init: RequestInit & { next?: { tags?: string[]; revalidate?: number } } = {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  }
  if (caching === 'no-store') {
    init.cache = 'no-store'
  } else if (caching.maxAgeSeconds) {
    init.next = { tags: [cacheTags.site, ...caching.tags], revalidate: caching.maxAgeSeconds }
  } else {
    init.cache = 'force-cache'
    init.next = { tags: [cacheTags.site, ...caching.tags] }
  }
  const response = await fetch(`${apiBaseUrl()}/api/graphql`, init)
  let payload: GraphQLResponse<TResult>
  try {
    payload = (await response.json()) as GraphQLResponse<TResult>
  } catch {
    throw new GraphQLRequestError(
      `GraphQL request failed with HTTP ${response.status}`,
      response.status,
    )
  }
  if (payload.errors?.length) {
    throw new GraphQLRequestError(
      payload.errors.map((error) => error.message).join('; '),
      response.status,
    )
  }
  if (!response.ok || !payload.data) {
    throw new GraphQLRequestError(
      `GraphQL request failed with HTTP ${response.status}`,
      response.status,
    )
  }
  return payload.data
}

export async function query<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: VariablesOf<TVariables>,
  { tags, preview = null, maxAgeSeconds }: QueryOptions,
): Promise<TResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  }
  if (preview) {
    headers.Authorization = `JWT ${preview.token}`
    return post<TResult>(
      { query: document.toString(), variables: { ...variables, draft: true } },
      headers,
      'no-store',
    )
  }
  const body = { query: document.toString(), variables }
  try {
    return await post<TResult>(body, headers, { tags, maxAgeSeconds })
  } catch (error) {
    if (!(error instanceof GraphQLRequestError) || error.status !== 200) throw error
    // Next.js keeps every HTTP 200 answer, and GraphQL reports a failed resolver (say, a busy
    // database) with HTTP 200: that answer now sits in the data cache until its tags expire. Ask
    // once more under another cache key (GraphQL-over-HTTP `extensions`, ignored by the server),
    // which changes each minute, so a passing failure heals without waiting for the next publish.
    console.error(`[site] GraphQL error, retrying: ${error.message}`)
    const retry = Math.floor(Date.now() / 60_000)
    return post<TResult>({ ...body, extensions: { retry } }, headers, { tags, maxAgeSeconds })
  }
}

/** A GraphQL error as Payload formats it: `extensions.statusCode` and the error's `data`. */
export type GraphQLErrorEntry = {
  message: string
  extensions?: { statusCode?: number; data?: unknown; [key: string]: unknown }
}

export type MutationResult<TResult> = {
  /** HTTP status (GraphQL reports a refused operation with 200 and `errors`). */
  status: number
  /** `Retry-After` of the answer, if any (the comment rate limit sets it). */
  retryAfter: string | null
  data: TResult | null
  errors: GraphQLErrorEntry[]
}

/**
 * Sends a mutation anonymously and never caches it. Unlike `query`, a refusal is not thrown but
 * returned (`errors` with Payload's `extensions`), so the caller can tell the reader what to fix.
 * Throws only when the API cannot be reached or answers something that is not GraphQL.
 */
export async function mutate<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { headers = {} }: { headers?: Record<string, string> } = {},
): Promise<MutationResult<TResult>> {
  const response = await fetch(`${apiBaseUrl()}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify({ query: document.toString(), variables }),
    cache: 'no-store',
  })
  let payload: unknown
  try {
    payload = await response.json()
  } catch {
    throw new GraphQLRequestError(
      `GraphQL request failed with HTTP ${response.status}`,
      response.status,
    )
  }
  return mutationResult<TResult>(response.status, response.headers, payload)
}

/** A GraphQL answer as `mutate` returns it (separate, so tests can feed it the real handler's answers). */
export function mutationResult<TResult>(
  status: number,
  headers: Headers,
  payload: unknown,
): MutationResult<TResult> {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as {
    data?: unknown
    errors?: unknown
  }
  return {
    status,
    retryAfter: headers.get('retry-after'),
    data: (body.data ?? null) as TResult | null,
    errors: Array.isArray(body.errors) ? (body.errors as GraphQLErrorEntry[]) : [],
  }
}
