import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { de } from 'date-fns/locale/de'
import { describe, expect, it } from 'vitest'

import {
  DATE_TIME_FORMAT,
  NEWSROOM_TIME_ZONE,
  TIME_FORMAT,
  applyNewsroomTimeZone,
  dateTimePicker,
} from '@/lib/newsroomTime'

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv

describe('the newsroom clock', () => {
  it('formats dates the German way, in Berlin time (winter and summer)', () => {
    const winter = new TZDate('2026-12-03T18:40:00Z', NEWSROOM_TIME_ZONE)
    expect(format(winter, DATE_TIME_FORMAT, { locale: de })).toBe('03.12.2026, 19:40')
    const summer = new TZDate('2026-07-01T05:05:00Z', NEWSROOM_TIME_ZONE)
    expect(format(summer, DATE_TIME_FORMAT, { locale: de })).toBe('01.07.2026, 07:05')
    expect(format(winter, TIME_FORMAT)).toBe('19:40')
  })

  it('gives date fields a 24-hour picker with German display and an "Uhrzeit" header', () => {
    expect(dateTimePicker).toMatchObject({
      pickerAppearance: 'dayAndTime',
      displayFormat: 'dd.MM.yyyy, HH:mm',
      timeFormat: 'HH:mm',
      overrides: { timeCaption: 'Uhrzeit' },
    })
  })

  it('runs the server in Berlin time unless TZ says otherwise', () => {
    const unset = env({})
    applyNewsroomTimeZone(unset)
    expect(unset.TZ).toBe('Europe/Berlin')
    const utc = env({ TZ: 'UTC' })
    applyNewsroomTimeZone(utc)
    expect(utc.TZ).toBe('UTC')
  })
})
