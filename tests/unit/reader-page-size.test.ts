import { describe, expect, it } from 'vitest'

import {
  PAGE_PARAM_MAX,
  pageParamsError,
  READER_MAX_LIMIT,
  readerLimitMessage,
  readerPageSizeError,
} from '@/lib/readerPageSize'
import { SITEMAP_LIMIT } from '@/site/config'

describe('reader page size', () => {
  it('allows what the site asks for, up to the sitemap', () => {
    expect(READER_MAX_LIMIT).toBe(SITEMAP_LIMIT)
    for (const limit of [
      undefined,
      null,
      '',
      1,
      12,
      '20',
      500,
      READER_MAX_LIMIT,
      String(READER_MAX_LIMIT),
    ]) {
      expect(readerPageSizeError({ limit })).toBeNull()
    }
    expect(readerPageSizeError({ limit: 10, pagination: true })).toBeNull()
    expect(readerPageSizeError({ pagination: 'true' })).toBeNull()
  })

  it('refuses "everything" and more than the maximum, with a message', () => {
    for (const args of [
      { limit: 0 },
      { limit: '0' },
      { limit: READER_MAX_LIMIT + 1 },
      { limit: '100000' },
      { pagination: false },
      { pagination: 'false' },
      { limit: 5, pagination: false },
    ]) {
      expect(readerPageSizeError(args)).toMatch(/Höchstens 5000 Einträge pro Anfrage/)
    }
  })

  it('refuses negative and fractional limits (SQLite would answer everything or fail)', () => {
    for (const limit of [-1, '-1', -5000, 0.5, '2.5', '1e-3', '-Infinity']) {
      expect(readerPageSizeError({ limit }), String(limit)).toBe(readerLimitMessage)
    }
    expect(readerLimitMessage).toBe('„limit“ muss eine ganze Zahl von 1 bis 5000 sein.')
  })

  it('leaves values that are not numbers to Payload’s own validation', () => {
    expect(readerPageSizeError({ limit: 'viele' })).toBeNull()
    expect(readerPageSizeError({ limit: ' ' })).toBeNull()
  })
})

describe('page parameters for everyone', () => {
  it('accepts whole numbers in range, and what is not a number', () => {
    for (const params of [
      {},
      { limit: 0 },
      { limit: '0' },
      { limit: '100000' },
      { page: 1 },
      { page: '3' },
      { page: PAGE_PARAM_MAX },
      { limit: 'viele', page: 'x' },
    ]) {
      expect(pageParamsError(params), JSON.stringify(params)).toBeNull()
    }
  })

  it('refuses fractions, negative limits and pages below 1, naming the parameter', () => {
    for (const limit of [-1, '0.5', 2.5, 'Infinity', '1e400', PAGE_PARAM_MAX + 1]) {
      expect(pageParamsError({ limit }), String(limit)).toBe(
        '„limit“ muss eine ganze Zahl von 0 bis 1000000000 sein.',
      )
    }
    for (const page of [0, '-1', '1.25', '1e300', Infinity]) {
      expect(pageParamsError({ page }), String(page)).toBe(
        '„page“ muss eine ganze Zahl von 1 bis 1000000000 sein.',
      )
    }
  })

  it('refuses a parameter given twice or as a structure (?limit=1&limit=2, ?page[a]=1)', () => {
    expect(pageParamsError({ limit: ['1', '156'] })).toBe(
      '„limit“ darf nur einmal und als Zahl angegeben werden.',
    )
    expect(pageParamsError({ page: { a: '1' } })).toBe(
      '„page“ darf nur einmal und als Zahl angegeben werden.',
    )
  })
})
