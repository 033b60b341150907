import { describe, expect, it } from 'vitest'

import { isEmptyDraft } from '@/lib/articles/untouchedDraft'
import { paragraphsToLexical } from '@/lib/lexical'

describe('isEmptyDraft', () => {
  it('an article as „Neu erstellen“ makes it is empty', () => {
    expect(isEmptyDraft({})).toBe(true)
    expect(isEmptyDraft({ title: null, content: null, _status: 'draft' })).toBe(true)
    expect(isEmptyDraft({ title: '   ', content: paragraphsToLexical(['', ' ']) })).toBe(true)
  })

  it('a title, a word of text or a publication is something', () => {
    expect(isEmptyDraft({ title: 'Hafen' })).toBe(false)
    expect(isEmptyDraft({ content: paragraphsToLexical(['Erster Satz.']) })).toBe(false)
    expect(isEmptyDraft({ _status: 'published' })).toBe(false)
    expect(isEmptyDraft({ publishedAt: '2026-12-04T10:00:00.000Z' })).toBe(false)
  })

  it('no document is not an empty draft', () => {
    expect(isEmptyDraft(null)).toBe(false)
    expect(isEmptyDraft(undefined)).toBe(false)
  })
})
