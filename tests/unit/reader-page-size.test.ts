import { describe, expect, it } from 'vitest'

import { READER_MAX_LIMIT, readerPageSizeError } from '@/lib/readerPageSize'
import { SITEMAP_LIMIT } from '@/site/config'

describe('reader page size', () => {
  it('allows what the site asks for, up to the sitemap', () => {
    expect(READER_MAX_LIMIT).toBe(SITEMAP_LIMIT)
    for (const limit of [undefined, null, '', 1, 12, '20', 500, READER_MAX_LIMIT, String(READER_MAX_LIMIT)]) {
      expect(readerPageSizeError({ limit })).toBeNull()
    }
    expect(readerPageSizeError({ limit: 10, pagination: true })).toBeNull()
    expect(readerPageSizeError({ pagination: 'true' })).toBeNull()
  })

  it('refuses "everything" and more than the maximum, with a message', () => {
    for (const args of [{ limit: 0 }, { limit: '0' }, { limit: READER_MAX_LIMIT + 1 }, { limit: '100000' }, { pagination: false }, { pagination: 'false' }, { limit: 5, pagination: false }]) {
      expect(readerPageSizeError(args)).toMatch(/Höchstens 5000 Einträge pro Anfrage/)
    }
  })

  it('leaves values that are not numbers to Payload’s own validation', () => {
    expect(readerPageSizeError({ limit: 'viele' })).toBeNull()
  })
})
