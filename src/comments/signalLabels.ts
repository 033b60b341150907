/**
 * The spam signals a comment is stored with (`fast:3515ms, links:5`, see policy.ts) in words an
 * editor reads. Pure: used by the admin's list cell and sidebar field.
 */
const seconds = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 })

export function describeSignal(signal: string): string {
  const fast = /^fast:(\d+)ms$/.exec(signal)
  if (fast) return `zu schnell abgeschickt (nach ${seconds.format(Number(fast[1]) / 1000)} s)`
  const links = /^links:(\d+)$/.exec(signal)
  if (links) return `${links[1]} ${links[1] === '1' ? 'Link' : 'Links'}`
  const blocked = /^blocklist:(.+)$/.exec(signal)
  if (blocked) return `Sperrwort „${blocked[1]}“`
  if (signal === 'token-invalid') return 'gefälschtes Formular-Token'
  return signal
}

/** `fast:3515ms, links:5` → `zu schnell abgeschickt (nach 3,5 s) · 5 Links`; nothing → ''. */
export function describeSignals(stored: string | null | undefined): string {
  if (!stored?.trim()) return ''
  return stored
    .split(/,\s*(?=fast:|links:|blocklist:|token-invalid)/)
    .map((signal) => describeSignal(signal.trim()))
    .join(' · ')
}
