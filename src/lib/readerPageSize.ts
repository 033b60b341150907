import { SITEMAP_LIMIT } from '@/site/config'

/**
 * How many documents one API request may ask for when it does not come from the newsroom:
 * enough for the site's largest list (the sitemap), never "all" (`limit=0`, `pagination=false`),
 * so no anonymous request can make the server hold a whole collection in memory.
 */
export const READER_MAX_LIMIT = SITEMAP_LIMIT

export const readerPageSizeMessage = `Höchstens ${READER_MAX_LIMIT} Einträge pro Anfrage; weitere Einträge mit „page“ abrufen.`

export const readerLimitMessage = `„limit“ muss eine ganze Zahl von 1 bis ${READER_MAX_LIMIT} sein.`

/** What Payload reads as a number (its `isNumber`), `Infinity` and `1e400` included. */
const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) &&
  !Number.isNaN(Number(value))

/** Keeps `(page - 1) × limit` inside SQLite's 64-bit integers. */
export const PAGE_PARAM_MAX = 1_000_000_000

const isWholeInRange = (value: unknown, min: number): boolean =>
  Number.isInteger(Number(value)) && Number(value) >= min && Number(value) <= PAGE_PARAM_MAX

/**
 * Null when the page size is allowed; otherwise the message for the 400 answer. Values that
 * are not numbers are left to Payload's own parsing (it ignores them).
 */
export function readerPageSizeError({
  limit,
  pagination,
}: {
  limit?: unknown
  pagination?: unknown
}): string | null {
  if (pagination === false || pagination === 'false') return readerPageSizeMessage
  if (!isNumeric(limit)) return null
  const value = Number(limit)
  if (value === 0 || value > READER_MAX_LIMIT) return readerPageSizeMessage
  // Negative: SQLite would leave the LIMIT out and answer everything; fractions fail there.
  if (!isWholeInRange(value, 1)) return readerLimitMessage
  return null
}

/**
 * For every caller: `limit` and `page`, when numbers, must be whole and in range (limit 0 is
 * "all", for the newsroom), and given once. SQLite fails on a fractional, infinite or
 * overflowing LIMIT or OFFSET, or on a list, with a 500 otherwise.
 */
export function pageParamsError({
  limit,
  page,
}: {
  limit?: unknown
  page?: unknown
}): string | null {
  // `?limit=1&limit=2` arrives as a list, which SQLite cannot take as a LIMIT (500).
  for (const [name, value] of [
    ['limit', limit],
    ['page', page],
  ] as const) {
    if (value !== null && typeof value === 'object')
      return `„${name}“ darf nur einmal und als Zahl angegeben werden.`
  }
  if (isNumeric(limit) && !isWholeInRange(limit, 0)) {
    return '„limit“ muss eine ganze Zahl von 0 bis 1000000000 sein.'
  }
  if (isNumeric(page) && !isWholeInRange(page, 1)) {
    return '„page“ muss eine ganze Zahl von 1 bis 1000000000 sein.'
  }
  return null
}
