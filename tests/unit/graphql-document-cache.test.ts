import { describe, expect, it, vi } from 'vitest'

import { DocumentCache } from '@/lib/graphql/documentCache'

const parser = () => vi.fn((query: string) => ({ query }))

describe('DocumentCache', () => {
  it('parses a text once and returns the kept document after that', () => {
    const cache = new DocumentCache<{ query: string }>({ maxEntries: 10, maxQueryLength: 100 })
    const parse = parser()
    const first = cache.get('{ a }', parse)
    expect(cache.get('{ a }', parse)).toBe(first)
    expect(cache.get('{ b }', parse)).toEqual({ query: '{ b }' })
    expect(parse).toHaveBeenCalledTimes(2)
  })

  it('drops the least recently used text when full', () => {
    const cache = new DocumentCache<{ query: string }>({ maxEntries: 2, maxQueryLength: 100 })
    const parse = parser()
    cache.get('a', parse)
    cache.get('b', parse)
    cache.get('a', parse) // a is now the most recently used
    cache.get('c', parse) // drops b
    expect(cache.size).toBe(2)
    parse.mockClear()
    cache.get('a', parse)
    cache.get('c', parse)
    expect(parse).not.toHaveBeenCalled()
    cache.get('b', parse)
    expect(parse).toHaveBeenCalledTimes(1)
  })

  it('never keeps texts over the length limit', () => {
    const cache = new DocumentCache<{ query: string }>({ maxEntries: 10, maxQueryLength: 5 })
    const parse = parser()
    cache.get('123456', parse)
    cache.get('123456', parse)
    expect(parse).toHaveBeenCalledTimes(2)
    expect(cache.size).toBe(0)
  })

  it('keeps nothing for a text that fails to parse', () => {
    const cache = new DocumentCache<{ query: string }>({ maxEntries: 10, maxQueryLength: 100 })
    const failing = vi.fn(() => {
      throw new Error('Syntax Error')
    })
    expect(() => cache.get('{', failing)).toThrow('Syntax Error')
    expect(() => cache.get('{', failing)).toThrow('Syntax Error')
    expect(failing).toHaveBeenCalledTimes(2)
    expect(cache.size).toBe(0)
  })
})
