import { describe, expect, it } from 'vitest'

import { heroImageKeyOf } from '../../src/seed/articleImporter'
import { describeError, formatResult, formatSummary, importKeyOf } from '../../src/seed/import'
import { ArticleParseError } from '../../src/seed/parse'

describe('import helpers', () => {
  it('derives the import keys from the file name', () => {
    expect(importKeyOf('000_1720218f34133c12.txt')).toBe('000_1720218f34133c12')
    expect(importKeyOf('/some/dir/Artikel.TXT')).toBe('Artikel')
    expect(heroImageKeyOf('000_1720218f34133c12')).toBe('000_1720218f34133c12-hero')
  })

  it('formats one line per file and the summary', () => {
    expect(formatResult({ file: 'a.txt', outcome: 'created', title: 'Titel' })).toBe(
      'created    a.txt  Titel',
    )
    expect(formatResult({ file: 'b.txt', outcome: 'failed', reason: 'Datei ist leer' })).toBe(
      'failed     b.txt  Datei ist leer',
    )
    expect(formatSummary({ created: 1, updated: 2, unchanged: 3, failed: 4 })).toBe(
      'created 1 / updated 2 / unchanged 3 / failed 4',
    )
  })

  it('names the reason of a failure', () => {
    expect(describeError(new ArticleParseError('Datei ist leer (empty file)', 'x.txt'))).toBe(
      'Datei ist leer (empty file)',
    )
    const validation = Object.assign(new Error('invalid'), {
      data: { errors: [{ path: 'credit.author', message: 'Urheber fehlt' }] },
    })
    expect(describeError(validation)).toBe('credit.author: Urheber fehlt')
    expect(describeError(new Error('disk full'))).toBe('disk full')
    expect(describeError('odd')).toBe('odd')
  })
})
