import { describe, expect, it } from 'vitest'

import { spamSignals } from '@/comments/policy'
import { describeSignal, describeSignals } from '@/comments/signalLabels'

describe('spam signals in words', () => {
  it.each([
    ['fast:3515ms', 'zu schnell abgeschickt (nach 3,5 s)'],
    ['fast:0ms', 'zu schnell abgeschickt (nach 0 s)'],
    ['links:5', '5 Links'],
    ['links:1', '1 Link'],
    ['blocklist:casino', 'Sperrwort „casino“'],
    ['token-invalid', 'gefälschtes Formular-Token'],
  ])('%s → %s', (signal, words) => {
    expect(describeSignal(signal)).toBe(words)
  })

  it('joins several, as they are stored', () => {
    expect(describeSignals('links:4, blocklist:casino, fast:812ms')).toBe(
      '4 Links · Sperrwort „casino“ · zu schnell abgeschickt (nach 0,8 s)',
    )
  })

  it('keeps a blocked term that contains a comma whole', () => {
    expect(describeSignals('blocklist:a, b, links:3')).toBe('Sperrwort „a, b“ · 3 Links')
  })

  it('is empty without signals and shows an unknown one as it is', () => {
    expect(describeSignals(null)).toBe('')
    expect(describeSignals('  ')).toBe('')
    expect(describeSignals('neu:1')).toBe('neu:1')
  })

  it('words every signal the policy produces', () => {
    const signals = spamSignals({
      submission: {
        authorName: 'x',
        authorEmail: 'x@example.org',
        body: 'casino http://a.example http://b.example',
      },
      settings: { maxLinks: 1, blockList: ['casino'] },
      token: { status: 'valid', elapsedMs: 10 },
    } as Parameters<typeof spamSignals>[0])
    expect(signals.length).toBeGreaterThanOrEqual(3)
    for (const signal of signals) expect(describeSignal(signal)).not.toBe(signal)
  })
})
