/** Dates as German readers expect them, always in Berlin time (the server's zone does not matter). */
const TIME_ZONE = 'Europe/Berlin'

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: TIME_ZONE })
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
})

const parse = (value: string | null | undefined): Date | undefined => {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** `22. November 2026` */
export function formatDate(value: string | null | undefined): string {
  const date = parse(value)
  return date ? dateFormat.format(date) : ''
}

/** `22. November 2026, 17:05 Uhr` */
export function formatDateTime(value: string | null | undefined): string {
  const date = parse(value)
  if (!date) return ''
  const parts = dateTimeFormat.formatToParts(date)
  const datePart = dateFormat.format(date)
  const hour = parts.find((part) => part.type === 'hour')?.value
  const minute = parts.find((part) => part.type === 'minute')?.value
  return hour && minute ? `${datePart}, ${hour}:${minute} Uhr` : datePart
}

/** `A`, `A und B`, `A, B und C` */
export function joinGerman(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`
}
