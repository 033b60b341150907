import { SITEMAP_LIMIT } from '@/site/config'

/**
 * How many documents one API request may ask for when it does not come from the newsroom:
 * enough for the site's largest list (the sitemap), never "all" (`limit=0`, `pagination=false`),
 * so no anonymous request can make the server hold a whole collection in memory.
 */
export const READER_MAX_LIMIT = SITEMAP_LIMIT

export const readerPageSizeMessage = `Höchstens ${READER_MAX_LIMIT} Einträge pro Anfrage; weitere Einträge mit „page“ abrufen.`

export const readerLimitMessage = `„limit“ muss eine ganze Zahl von 1 bis ${READER_MAX_LIMIT} sein.`

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) && Number.isFinite(Number(value))

/**
 * Null when the page size is allowed; otherwise the message for the 400 answer. Values that
 * are not numbers are left to Payload's own parsing (it ignores them).
 */
export function readerPageSizeError({ limit, pagination }: { limit?: unknown; pagination?: unknown }): string | null {
  if (pagination === false || pagination === 'false') return readerPageSizeMessage
  if (!isNumeric(limit)) return null
  const value = Number(limit)
  if (value === 0 || value > READER_MAX_LIMIT) return readerPageSizeMessage
  // Negative: SQLite would leave the LIMIT out and answer everything; fractions fail there.
  if (!Number.isInteger(value) || value < 0) return readerLimitMessage
  return null
}

/**
 * For every caller: `limit` and `page`, when numbers, must be whole and in range (limit 0 is
 * "all", for the newsroom). SQLite fails on a fractional LIMIT or OFFSET with a 500 otherwise.
 */
export function pageParamsError({ limit, page }: { limit?: unknown; page?: unknown }): string | null {
  if (isNumeric(limit) && !(Number.isInteger(Number(limit)) && Number(limit) >= 0)) {
    return '„limit“ muss eine ganze Zahl ab 0 sein.'
  }
  if (isNumeric(page) && !(Number.isInteger(Number(page)) && Number(page) >= 1)) {
    return '„page“ muss eine ganze Zahl ab 1 sein.'
  }
  return null
}
