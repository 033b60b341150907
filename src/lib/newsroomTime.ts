/**
 * The newsroom's clock: Berlin time, German formats, a 24-hour picker. Payload's admin formats
 * dates with date-fns patterns (`admin.dateFormat`, a date field's `displayFormat`).
 */
import type { DateField } from 'payload'

export const NEWSROOM_TIME_ZONE = 'Europe/Berlin'

/** `03.12.2026, 19:40` */
export const DATE_TIME_FORMAT = 'dd.MM.yyyy, HH:mm'
export const TIME_FORMAT = 'HH:mm'

/** The admin's date-and-time picker: German display, 24 hours, quarter hours, "Uhrzeit". */
export const dateTimePicker = {
  pickerAppearance: 'dayAndTime',
  displayFormat: DATE_TIME_FORMAT,
  timeFormat: TIME_FORMAT,
  timeIntervals: 15,
  overrides: { timeCaption: 'Uhrzeit' },
} satisfies NonNullable<DateField['admin']>['date']

/**
 * Dates the admin renders on the server (version titles and breadcrumbs) use the process's
 * zone, those rendered in the browser the editor's: both are Berlin unless `TZ` says otherwise.
 */
export function applyNewsroomTimeZone(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.TZ) env.TZ = NEWSROOM_TIME_ZONE
}
