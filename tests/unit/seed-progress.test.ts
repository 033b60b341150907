import { describe, expect, it } from 'vitest'

import {
  createProgress,
  etaOf,
  formatDuration,
  formatProgress,
  formatProgressBar,
  rateOf,
} from '../../src/seed/progress'

/** An output that records what is written, and a clock the test moves by hand. */
function fakeTerminal(isTTY: boolean, columns = 100) {
  const writes: string[] = []
  let ms = 0
  return {
    writes,
    output: { isTTY, columns, write: (text: string) => writes.push(text) },
    now: () => ms,
    advance: (seconds: number) => {
      ms += seconds * 1000
    },
  }
}

describe('progress formatting', () => {
  it('computes the rate and the time left from the rate so far', () => {
    expect(rateOf({ done: 250, total: 1000, elapsed: 2.5 })).toBe(100)
    expect(etaOf({ done: 250, total: 1000, elapsed: 2.5 })).toBe(7.5)
    // Nothing done or no time passed yet: no rate, no estimate.
    expect(rateOf({ done: 0, total: 1000, elapsed: 3 })).toBe(0)
    expect(etaOf({ done: 0, total: 1000, elapsed: 3 })).toBeUndefined()
    expect(etaOf({ done: 5, total: 1000, elapsed: 0 })).toBeUndefined()
    expect(etaOf({ done: 1000, total: 1000, elapsed: 9 })).toBe(0)
  })

  it('writes durations in seconds, minutes and hours, rounded up', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(0.2)).toBe('1 s')
    expect(formatDuration(59)).toBe('59 s')
    expect(formatDuration(60)).toBe('1 min 00 s')
    expect(formatDuration(125)).toBe('2 min 05 s')
    expect(formatDuration(3 * 3600 + 7 * 60 + 1)).toBe('3 h 07 min')
    expect(formatDuration(-4)).toBe('0 s')
  })

  it('shows count, share, rate and ETA, and the whole time at the end', () => {
    expect(formatProgress({ done: 1200, total: 5000, elapsed: 12 })).toBe(
      '1200/5000 (24 %), 100.0 articles/s, ETA 38 s',
    )
    expect(formatProgress({ done: 0, total: 5000, elapsed: 0 })).toBe(
      '0/5000 (0 %), 0.0 articles/s, ETA ?',
    )
    expect(formatProgress({ done: 5000, total: 5000, elapsed: 41.2 })).toBe(
      '5000/5000 (100 %), 121.4 articles/s, 42 s in all',
    )
    expect(formatProgress({ done: 0, total: 0, elapsed: 0 })).toBe(
      '0/0 (100 %), 0.0 articles/s, 0 s in all',
    )
  })

  it('draws a bar that fits the terminal', () => {
    const state = { done: 2500, total: 5000, elapsed: 25 }
    expect(formatProgressBar(state, 200, 10)).toBe(
      '[#####.....] 2500/5000 (50 %), 100.0 articles/s, ETA 25 s',
    )
    expect(formatProgressBar({ ...state, done: 5000 }, 200, 4)).toMatch(/^\[####\] /)
    expect(formatProgressBar({ ...state, done: 0 }, 200, 4)).toMatch(/^\[\.\.\.\.\] /)
    expect(formatProgressBar(state, 30, 10)).toHaveLength(29)
  })
})

describe('progress reporter', () => {
  it('on a terminal redraws one line in place, at most every 100 ms', () => {
    const term = fakeTerminal(true)
    const progress = createProgress({ total: 300, output: term.output, now: term.now })
    progress.update(0)
    term.advance(0.05)
    progress.update(1)
    term.advance(0.05)
    progress.update(2)
    term.advance(1)
    progress.update(120)
    expect(term.writes).toHaveLength(3)
    for (const text of term.writes) {
      expect(text).toMatch(/^\r\[/)
      expect(text).toMatch(/\x1b\[K$/)
      expect(text).not.toContain('\n')
    }
    expect(term.writes[2]).toContain('120/300 (40 %), 109.1 articles/s, ETA 2 s')
    progress.update(300)
    progress.finish()
    expect(term.writes.at(-2)).toContain('300/300 (100 %)')
    expect(term.writes.at(-1)).toBe('\n')
  })

  it('on a terminal of unknown width draws the bar for 80 columns', () => {
    const term = fakeTerminal(true, 0)
    createProgress({ total: 10, output: term.output, now: term.now }).update(1)
    expect(term.writes).toEqual([expect.stringMatching(/^\r\[#*\.*\] 1\/10 \(10 %\)/)])
  })

  it('on a terminal puts a logged line above the bar and draws the bar again', () => {
    const term = fakeTerminal(true)
    const progress = createProgress({ total: 10, output: term.output, now: term.now })
    progress.update(3)
    progress.log('failed     x.txt  Datei ist leer')
    expect(term.writes.slice(1)).toEqual([
      '\r\x1b[K',
      'failed     x.txt  Datei ist leer\n',
      expect.stringMatching(/^\r\[.*3\/10/),
    ])
  })

  it('without a terminal writes a plain line every 500 articles or 10 seconds', () => {
    const term = fakeTerminal(false)
    const progress = createProgress({ total: 2000, output: term.output, now: term.now })
    for (let done = 1; done <= 700; done++) {
      term.advance(0.01)
      progress.update(done)
    }
    // 500 articles after 5 s; then 200 more in 2 s is no reason for another line.
    expect(term.writes).toEqual(['progress 500/2000 (25 %), 100.0 articles/s, ETA 15 s\n'])
    term.advance(10)
    progress.update(701)
    expect(term.writes).toHaveLength(2)
    expect(term.writes[1]).toMatch(/^progress 701\/2000 \(35 %\), /)
    progress.log('created    a.txt  Titel')
    expect(term.writes[2]).toBe('created    a.txt  Titel\n')
    for (const text of term.writes) expect(text).not.toMatch(/\r|\x1b/)
  })

  it('ends with the totals once, and ignores late or smaller counts', () => {
    const term = fakeTerminal(false)
    const progress = createProgress({
      total: 4,
      output: term.output,
      now: term.now,
      everyArticles: 1000,
    })
    term.advance(2)
    progress.update(4)
    progress.update(2)
    expect(term.writes).toEqual([])
    progress.finish()
    progress.finish()
    progress.update(4)
    expect(term.writes).toEqual(['progress 4/4 (100 %), 2.0 articles/s, 2 s in all\n'])
  })
})
