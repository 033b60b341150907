import { de } from '@payloadcms/translations/languages/de'
import { describe, expect, it } from 'vitest'

import { deFormal } from '@/i18n/deFormal'

// "du" and its forms, and the imperatives Payload's German uses for the reader.
const INFORMAL =
  /\b(du|dein\w*|dich|dir|bist|hast|kannst|musst|willst|möchtest|wirst|warst|wurdest|solltest|würdest|gib|wähle|klicke|überprüfe|prüfe|versuche|lade|füge|gehe|ändere|setze|passe|speichere|verwerfe|kopiere|ignoriere|erstelle|verifiziere|verknüpfe|ziehe|suche|erhältst|fortfährst|übernimmst|verlässt|generierst|anmeldest)\b/i

type Group = Record<string, string>
const groups = de.translations as unknown as Record<string, Group>
const overrides = deFormal as unknown as Record<string, Group>

const merged = (group: string, key: string): string => overrides[group]?.[key] ?? groups[group][key]
const placeholders = (text: string): string[] => (text.match(/\{\{\w+\}\}|<\/?\d>/g) ?? []).sort()

describe('the admin says "Sie" (Payload German, with our overrides)', () => {
  it('no string the newsroom meets says "du"', () => {
    const informal: string[] = []
    for (const [group, strings] of Object.entries(groups)) {
      for (const [key, text] of Object.entries(strings)) {
        if (typeof text === 'string' && INFORMAL.test(merged(group, key)))
          informal.push(`${group}:${key}`)
      }
    }
    expect(informal).toEqual([])
  })

  it('overrides only keys Payload has, keeping their placeholders', () => {
    for (const [group, strings] of Object.entries(overrides)) {
      for (const [key, text] of Object.entries(strings)) {
        expect(groups[group]?.[key], `${group}:${key}`).toBeTypeOf('string')
        expect(placeholders(text), `${group}:${key}`).toEqual(placeholders(groups[group][key]))
      }
    }
  })

  it('covers the login, dashboard, list, document, version and error strings', () => {
    expect(merged('authentication', 'loggedOutSuccessfully')).toBe(
      'Sie wurden erfolgreich abgemeldet.',
    )
    expect(merged('error', 'notAllowedToAccessPage')).toMatch(/^Sie haben keine Berechtigung/)
    expect(merged('general', 'unsavedChanges')).toMatch(/^Sie haben ungespeicherte Änderungen/)
    expect(merged('version', 'aboutToUnpublish')).toMatch(/Sind Sie sicher\?$/)
  })
})
