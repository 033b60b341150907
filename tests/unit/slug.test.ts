import { describe, expect, it, vi } from 'vitest'

import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from '@/lib/slug'

describe('slugify', () => {
  describe('German transliteration', () => {
    it.each([
      ['Bär', 'baer'],
      ['Öl', 'oel'],
      ['Tür', 'tuer'],
      ['Ärger', 'aerger'],
      ['Österreich', 'oesterreich'],
      ['Übung', 'uebung'],
      ['Straße', 'strasse'],
      ['GROẞE', 'grosse'],
      ['Größe', 'groesse'],
      ['Müller-Lüdenscheidt', 'mueller-luedenscheidt'],
      ['Gemüsebrühe für Öko-Bäuerinnen', 'gemuesebruehe-fuer-oeko-baeuerinnen'],
    ])('%j → %j', (input, expected) => {
      expect(slugify(input)).toBe(expected)
    })

    it('transliterates umlauts that arrive decomposed (NFD, e.g. pasted from macOS) the same way as composed ones', () => {
      // "Müller" written as u + U+0308 COMBINING DIAERESIS must give the same slug as the composed form.
      const decomposed = 'Mu\u0308ller'
      expect(decomposed).not.toBe('Müller')
      expect(decomposed.normalize('NFC')).toBe('Müller')
      expect(slugify('Müller')).toBe('mueller')
      expect(slugify(decomposed)).toBe('mueller')
    })
  })

  it('lowercases everything', () => {
    expect(slugify('BERLIN Wahl NRW')).toBe('berlin-wahl-nrw')
  })

  it('turns punctuation and runs of whitespace into single hyphens', () => {
    expect(slugify('Hallo,   Welt!  Wie geht’s?')).toBe('hallo-welt-wie-geht-s')
    expect(slugify('a\t\tb\n\nc')).toBe('a-b-c')
    expect(slugify('eins -- zwei // drei')).toBe('eins-zwei-drei')
  })

  it('never starts or ends with a hyphen', () => {
    expect(slugify('  --Hallo Welt--  ')).toBe('hallo-welt')
    expect(slugify('!!! Eilmeldung !!!')).toBe('eilmeldung')
    expect(slugify('...Text?')).toBe('text')
  })

  it.each([
    ['Café', 'cafe'],
    ['Señor Niño', 'senor-nino'],
    ['Français Garçon', 'francais-garcon'],
    ['Ångström', 'angstroem'],
    ['Crème brûlée à la carte', 'creme-brulee-a-la-carte'],
  ])('strips other accents: %j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('replaces & with "und"', () => {
    expect(slugify('Größe & Übung')).toBe('groesse-und-uebung')
    expect(slugify('Forschung&Lehre')).toBe('forschung-und-lehre')
    expect(slugify('& Co.')).toBe('und-co')
  })

  it('drops German quotation marks and dashes', () => {
    expect(slugify('„Das ist ein guter Tag“ – sagt die Ministerin')).toBe(
      'das-ist-ein-guter-tag-sagt-die-ministerin',
    )
    expect(slugify('‚Halbe‘ Anführung — und »Guillemets«')).toBe('halbe-anfuehrung-und-guillemets')
    expect(slugify('Nord–Süd-Gefälle')).toBe('nord-sued-gefaelle')
  })

  it('keeps digits', () => {
    expect(slugify('Top 10 der Woche 2024')).toBe('top-10-der-woche-2024')
    expect(slugify('Inflation steigt auf 3,5 Prozent')).toBe('inflation-steigt-auf-3-5-prozent')
    expect(slugify('G7-Gipfel 2025')).toBe('g7-gipfel-2025')
  })

  it.each([[''], ['   '], ['!!!'], ['„“ – … ?!'], ['---'], ['😀🎉']])(
    'returns "" for %j',
    (input) => {
      expect(slugify(input)).toBe('')
    },
  )

  describe('long titles', () => {
    const title =
      'Bundesregierung beschließt umfassendes Maßnahmenpaket zur Stärkung der Wirtschaft und zur Entlastung der Bürgerinnen und Bürger'
    const full =
      'bundesregierung-beschliesst-umfassendes-massnahmenpaket-zur-staerkung-der-wirtschaft-und-zur-entlastung-der-buergerinnen-und-buerger'

    it('has a limit of 96 characters', () => {
      expect(MAX_SLUG_LENGTH).toBe(96)
    })

    it('cuts at the last word boundary within the limit', () => {
      expect(full.length).toBe(132)
      const slug = slugify(title)
      expect(slug).toBe(
        'bundesregierung-beschliesst-umfassendes-massnahmenpaket-zur-staerkung-der-wirtschaft-und-zur',
      )
      expect(slug.length).toBe(92)
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
      expect(full.startsWith(`${slug}-`)).toBe(true)
    })

    it('keeps a slug of exactly 96 characters whole', () => {
      const exact = `${'a'.repeat(47)} ${'b'.repeat(48)}`
      expect(slugify(exact)).toBe(`${'a'.repeat(47)}-${'b'.repeat(48)}`)
      expect(slugify(exact)).toHaveLength(96)
    })

    it('cuts a single overlong word hard at 96 characters', () => {
      expect(slugify('x'.repeat(150))).toBe('x'.repeat(96))
    })

    it('cuts hard when the only word boundary is in the first half', () => {
      const slug = slugify(`kurz ${'y'.repeat(150)}`)
      expect(slug).toBe(`kurz-${'y'.repeat(91)}`)
      expect(slug).toHaveLength(96)
    })

    it('never ends in a hyphen after cutting', () => {
      // The 96th character is the separator, so the first 96 characters end in a hyphen.
      const slug = slugify(`${'a'.repeat(95)} -- ${'b'.repeat(20)}`)
      expect(slug).toBe('a'.repeat(95))
    })

    it.each([97, 100, 120, 200, 500])(
      'stays within the limit for a %i-character title of short words',
      (length) => {
        const words = 'Wort '.repeat(Math.ceil(length / 5)).slice(0, length)
        const slug = slugify(words)
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
        expect(slug).toMatch(/^wort(-wort)*$/)
        expect(slug.length).toBeGreaterThan(MAX_SLUG_LENGTH - 5)
      },
    )
  })
})

describe('uniqueSlug', () => {
  const takenIn = (taken: Set<string>) => vi.fn(async (candidate: string) => taken.has(candidate))

  it('returns the base when it is free and asks only once', async () => {
    const isTaken = takenIn(new Set(['andere']))
    await expect(uniqueSlug('wahl-2025', isTaken)).resolves.toBe('wahl-2025')
    expect(isTaken).toHaveBeenCalledTimes(1)
    expect(isTaken).toHaveBeenCalledWith('wahl-2025')
  })

  it('appends -2 when the base is taken', async () => {
    await expect(uniqueSlug('wahl-2025', takenIn(new Set(['wahl-2025'])))).resolves.toBe(
      'wahl-2025-2',
    )
  })

  it('counts on to -3, -4 … and tries the candidates in order', async () => {
    const isTaken = takenIn(new Set(['wahl', 'wahl-2', 'wahl-3']))
    await expect(uniqueSlug('wahl', isTaken)).resolves.toBe('wahl-4')
    expect(isTaken.mock.calls.map(([candidate]) => candidate)).toEqual([
      'wahl',
      'wahl-2',
      'wahl-3',
      'wahl-4',
    ])
  })

  it('fills the first gap instead of skipping past it', async () => {
    await expect(uniqueSlug('wahl', takenIn(new Set(['wahl', 'wahl-3'])))).resolves.toBe('wahl-2')
  })

  it('gives a sequence of distinct slugs when each result is registered', async () => {
    const taken = new Set<string>()
    const results: string[] = []
    for (let i = 0; i < 5; i++) {
      const slug = await uniqueSlug('bericht', takenIn(taken))
      taken.add(slug)
      results.push(slug)
    }
    expect(results).toEqual(['bericht', 'bericht-2', 'bericht-3', 'bericht-4', 'bericht-5'])
  })

  it('propagates a failing lookup', async () => {
    await expect(uniqueSlug('x', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    )
  })
})
