import { SITEMAP_LIMIT } from '@/site/config'

/**
 * How many documents one API request may ask for when it does not come from the newsroom:
 * enough for the site's largest list (the sitemap), never "all" (`limit=0`, `pagination=false`),
 * so no anonymous request can make the server hold a whole collection in memory.
 */
export const READER_MAX_LIMIT = SITEMAP_LIMIT

export const readerPageSizeMessage = `Höchstens ${READER_MAX_LIMIT} Einträge pro Anfrage; weitere Einträge mit „page“ abrufen.`

/** Null when the page size is allowed; otherwise the message for the 400 answer. */
export function readerPageSizeError({ limit, pagination }: { limit?: unknown; pagination?: unknown }): string | null {
  if (pagination === false || pagination === 'false') return readerPageSizeMessage
  if (limit === undefined || limit === null || limit === '') return null
  const value = Number(limit)
  if (Number.isFinite(value) && (value === 0 || value > READER_MAX_LIMIT)) return readerPageSizeMessage
  return null
}
