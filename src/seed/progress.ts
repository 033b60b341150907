/**
 * Progress of a long import: on a terminal one line that updates in place (count, rate, ETA),
 * elsewhere (CI, pipes, log files) a plain line every so many articles or seconds. The
 * formatting is pure; the reporter only decides when to write and where.
 */

export type ProgressState = {
  done: number
  total: number
  /** Seconds since the import started. */
  elapsed: number
}

/** Articles per second so far; 0 until there is something to divide. */
export const rateOf = ({ done, elapsed }: ProgressState): number =>
  done > 0 && elapsed > 0 ? done / elapsed : 0

/** Seconds left at the rate so far; undefined while there is no rate yet. */
export function etaOf(state: ProgressState): number | undefined {
  const left = Math.max(0, state.total - state.done)
  if (left === 0) return 0
  const rate = rateOf(state)
  return rate > 0 ? left / rate : undefined
}

/** `7 s`, `2 min 05 s`, `1 h 03 min`; rounded up, so an ETA never says 0 s too early. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds))
  if (whole < 60) return `${whole} s`
  const minutes = Math.floor(whole / 60)
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

const percentOf = ({ done, total }: ProgressState): number =>
  total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100

/** `1200/5000 (24 %), 98.3 articles/s, ETA 39 s` — the non-terminal line and the bar's text. */
export function formatProgress(state: ProgressState): string {
  const eta = etaOf(state)
  const rate = rateOf(state)
  return [
    `${state.done}/${state.total} (${percentOf(state)} %)`,
    `${rate.toFixed(1)} articles/s`,
    state.done >= state.total
      ? `${formatDuration(state.elapsed)} in all`
      : `ETA ${eta === undefined ? '?' : formatDuration(eta)}`,
  ].join(', ')
}

/** `[#######.............] 1200/5000 …`, cut to `columns` so the terminal does not wrap it. */
export function formatProgressBar(state: ProgressState, columns = 80, barWidth = 24): string {
  const filled =
    state.total > 0
      ? Math.round((Math.min(state.done, state.total) / state.total) * barWidth)
      : barWidth
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`
  const line = `${bar} ${formatProgress(state)}`
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line
}

export type ProgressOutput = {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** A terminal's width; 0 or unknown (some pseudo-terminals) means the usual 80 columns. */
const widthOf = ({ columns }: ProgressOutput): number =>
  columns !== undefined && columns >= 20 ? columns : 80

export type ProgressOptions = {
  total: number
  output: ProgressOutput
  /** Milliseconds; injectable for tests. */
  now?: () => number
  /** Without a terminal: a line at least every this many articles … */
  everyArticles?: number
  /** … or after this many seconds without one, whichever comes first. */
  everySeconds?: number
  /** On a terminal: redraws at most this often (milliseconds). */
  redrawMs?: number
}

export type ProgressReporter = {
  /** `done` articles are finished (of the total given at the start). */
  update(done: number): void
  /** A line of its own: on a terminal it goes above the bar. */
  log(line: string): void
  /** The last state; on a terminal the bar stays on screen and the cursor moves below it. */
  finish(): void
}

export function createProgress({
  total,
  output,
  now = () => performance.now(),
  everyArticles = 500,
  everySeconds = 10,
  redrawMs = 100,
}: ProgressOptions): ProgressReporter {
  const startedAt = now()
  const tty = output.isTTY === true
  let done = 0
  let lastWriteAt = startedAt
  let lastWrittenDone = 0
  let barShown = false
  let finished = false

  const state = (): ProgressState => ({ done, total, elapsed: (now() - startedAt) / 1000 })
  // `\r` back to the start of the line, `\x1b[K` clears what a longer earlier line left there.
  const drawBar = (): void => {
    output.write(`\r${formatProgressBar(state(), widthOf(output))}\x1b[K`)
    barShown = true
    lastWriteAt = now()
  }
  const clearBar = (): void => {
    if (barShown) output.write('\r\x1b[K')
    barShown = false
  }
  const writeLine = (): void => {
    output.write(`progress ${formatProgress(state())}\n`)
    lastWriteAt = now()
    lastWrittenDone = done
  }

  return {
    update(value) {
      if (finished) return
      done = Math.min(Math.max(value, done), total)
      if (done >= total) return
      const sinceWrite = now() - lastWriteAt
      if (tty) {
        if (!barShown || sinceWrite >= redrawMs) drawBar()
      } else if (done - lastWrittenDone >= everyArticles || sinceWrite >= everySeconds * 1000) {
        writeLine()
      }
    },
    log(line) {
      if (!tty) {
        output.write(`${line}\n`)
        return
      }
      clearBar()
      output.write(`${line}\n`)
      if (!finished) drawBar()
    },
    finish() {
      if (finished) return
      finished = true
      if (tty) {
        drawBar()
        output.write('\n')
      } else writeLine()
    },
  }
}
