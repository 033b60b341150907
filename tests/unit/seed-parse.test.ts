import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import {
  ArticleParseError,
  isNewsAgency,
  parseArticleText,
  type ParsedArticle,
} from '../../src/seed/parse'

const seed = (name: string): string =>
  readFileSync(new URL(`../../src/seed/content/${name}`, import.meta.url), 'utf8')

/** Lines separated by blank lines, the way the scraped files look. */
const page = (...lines: string[]): string => lines.join('\n\n')

const parse = (text: string): ParsedArticle => parseArticleText(text, 'test.txt')

const TITLE = 'Bundestag beschließt neues Gesetz'
const BODY_1 =
  'Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Verwaltung vereinfachen soll.'
const BODY_2 = '„Das ist ein guter Tag“, sagte die Ministerin – und die Opposition widersprach.'

const ARTEFACTS = [
  'Inhalt des Artikels',
  'Source link',
  'Dark Mode',
  'Light Mode',
  'Kommentar hinzufügen',
  'Schreibe einen Kommentar',
  'E-Mail-Adresse',
  'Previous Post',
  'Next Post',
  'Rückruf von 0,5 Liter',
  'Bestattungsbranche',
  'Mit Dateien von',
]

const expectNoArtefacts = (result: ParsedArticle, artefacts: string[] = ARTEFACTS) => {
  const json = JSON.stringify(result)
  for (const artefact of artefacts) expect(json).not.toContain(artefact)
}

describe('seed file 000 (image credit, comment form, previous/next teasers)', () => {
  const result = parse(seed('000_1720218f34133c12.txt'))

  it('extracts title, paragraphs and credit exactly', () => {
    expect(result.title).toBe(
      'EU und Japan vertiefen Kooperation: Neues Sicherheitsabkommen für gemeinsame Verteidigung und Informationsaustausch',
    )
    expect(result.dateline).toBeUndefined()
    expect(result.paragraphs).toHaveLength(4)
    expect(result.paragraphs[0]).toBe(
      'Die Europäische Union und Japan haben eine wegweisende Sicherheits- und Verteidigungspartnerschaft geschlossen, die eine engere Zusammenarbeit bei militärischen Übungen und einen intensiveren Informationsaustausch in der Rüstungsindustrie vorsieht. Die Vereinbarung, die als Antwort auf zunehmende geopolitische Spannungen in der Region Asien-Pazifik und darüber hinaus gilt, stärkt die strategische Allianz zwischen beiden Partnern.',
    )
    expect(result.paragraphs.at(-1)).toBe(
      'Das Abkommen ist Teil eines größeren strategischen Plans der EU, ihre Beziehungen zu gleichgesinnten Partnern im asiatischen Raum auszubauen. Analysten bewerten die neue Sicherheitskooperation als Zeichen einer wachsenden sicherheitspolitischen Partnerschaft, die nicht nur auf gegenseitigem Nutzen basiert, sondern auch die gemeinsame Verantwortung für globale Sicherheit und Stabilität unterstreicht.',
    )
    expect(result.imageCredit).toEqual({ author: 'Elionas2', license: 'cc0', provider: 'Pixabay' })
    expect(result.sources).toEqual([])
    expect(result.language).toBe('de')
  })

  it('keeps the German quotes inside a paragraph untouched', () => {
    expect(result.paragraphs[1]).toContain(
      '„zukünftige Bedrohungen gemeinsam und stärker koordinieren zu können.“',
    )
  })

  it('leaves no chrome, credit line or teaser behind', () => {
    expectNoArtefacts(result)
    expect(JSON.stringify(result.paragraphs)).not.toContain('Elionas2')
  })
})

describe('seed file 004 (dateline, repeated chrome, agency attribution)', () => {
  const result = parse(seed('004_9912798c27e5045e.txt'))

  it('extracts title, dateline, paragraphs and source exactly', () => {
    expect(result.title).toBe(
      'Kanada und Japan beginnen formelle Gespräche über einen Pakt zum Austausch von Geheimdienstinformationen und verstärkte militärische Beziehungen',
    )
    expect(result.dateline).toBe('OTTAWA')
    expect(result.paragraphs).toHaveLength(16)
    expect(result.paragraphs[0]).toBe(
      'Kanada und Japan haben Gespräche aufgenommen, die darauf abzielen, militärische Geheimdienste auszutauschen, während die beiden Länder versuchen, den wachsenden Bedrohungen aus China und Russland entgegenzuwirken.',
    )
    expect(result.paragraphs.at(-1)).toBe(
      'Engpässe bei der Energieversorgung und steigende Versorgungskosten sowie der Druck, das Ziel der Klimaneutralität bis 2050 zu erreichen, haben die Regierung von Kishida dazu veranlasst, die Atomenergie weiter zu betonen, nachdem viele japanische Kernkraftwerke nach der Katastrophe von Fukushima 2011 abgeschaltet wurden.',
    )
    expect(result.imageCredit).toBeUndefined()
    expect(result.sources).toEqual(['The Associated Press'])
    expect(result.language).toBe('de')
  })

  it('keeps a paragraph without final full stop as it is', () => {
    expect(result.paragraphs).toContain(
      'Am Dienstag einigten sich Japan und Kanada außerdem darauf, ihre militärischen Beziehungen auszubauen und zu vertiefen, indem sie gemeinsame Übungen zwischen den Ländern sowie mit den USA abhalten',
    )
  })

  it('leaves no chrome or attribution behind', () => {
    expectNoArtefacts(result)
    expect(JSON.stringify(result)).not.toContain('OTTAWA –')
  })
})

describe('line endings and whitespace', () => {
  const expected = { title: TITLE, paragraphs: [BODY_1, BODY_2] }

  it('accepts CRLF with a BOM', () => {
    const result = parse('\uFEFF' + [TITLE, '', BODY_1, '', BODY_2, ''].join('\r\n'))
    expect(result).toMatchObject(expected)
    expect(result.title.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('accepts lone CR', () => {
    expect(parse([TITLE, '', BODY_1, BODY_2].join('\r'))).toMatchObject(expected)
  })

  it('trims trailing spaces, tabs and nbsp and skips runs of blank lines', () => {
    const text = `\n\n  ${TITLE}  \t\n\n\n\n\t\u00A0${BODY_1}\u00A0 \n \n\t\n${BODY_2}\t\t\n\n\n`
    expect(parse(text)).toMatchObject(expected)
  })

  it('keeps each non-empty line as its own paragraph, in order', () => {
    const result = parse([TITLE, BODY_2, BODY_1].join('\n'))
    expect(result.paragraphs).toEqual([BODY_2, BODY_1])
  })

  it('returns a long title unchanged', () => {
    const title = 'Sehr langer Titel '.repeat(15).trim()
    expect(title.length).toBeGreaterThan(200)
    expect(parse(page(title, BODY_1)).title).toBe(title)
  })
})

describe('chrome removal', () => {
  it('drops the WordPress comment form lines in any case and with trailing punctuation', () => {
    const result = parse(
      page(
        'DARK MODE LIGHT MODE',
        TITLE,
        'inhalt des artikels:',
        BODY_1,
        'Article content',
        'Kommentar hinzufügen Kommentar hinzufügen Kommentar hinzufügen',
        'Schreibe einen Kommentar.',
        'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
        'Kommentar *',
        'Name *',
        'E-Mail *',
        'Website',
        'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere.',
        'Kommentar abschicken',
      ),
    )
    expect(result.paragraphs).toEqual([BODY_1])
    expectNoArtefacts(result, [
      'Mode',
      'Inhalt',
      'Article',
      'Kommentar',
      'Name',
      'Website',
      'Browser',
    ])
  })

  it('drops share, ad and "story continues" chrome', () => {
    const result = parse(
      page(
        TITLE,
        'Teilen',
        BODY_1,
        'Anzeige',
        'Werbung:',
        'ADVERTISEMENT',
        'Story continues below',
        BODY_2,
      ),
    )
    expect(result.paragraphs).toEqual([BODY_1, BODY_2])
  })

  it.each([
    'Source link',
    'Source link-46',
    'Source link-3',
    'Source link 12',
    'source link.',
    'Quelle: Link',
  ])('drops "%s"', (line) => {
    expect(parse(page(TITLE, BODY_1, line)).paragraphs).toEqual([BODY_1])
  })

  it.each([
    ['Previous Post', 'Next Post'],
    ['Vorheriger Beitrag', 'Nächster Beitrag'],
  ])('drops %s / %s and the teaser title after each', (previous, next) => {
    const result = parse(
      page(
        TITLE,
        BODY_1,
        previous,
        'Teaser über etwas anderes',
        next,
        'Noch ein Teaser: ganz andere Nachricht',
      ),
    )
    expect(result.paragraphs).toEqual([BODY_1])
    expectNoArtefacts(result, ['Teaser', previous, next])
  })

  it('does not swallow a teaser-less marker as the teaser of the one before', () => {
    const result = parse(
      page(TITLE, BODY_1, 'Previous Post', 'Next Post', 'Bestattungsbranche im Aufwind'),
    )
    expect(result.paragraphs).toEqual([BODY_1])
  })

  it('keeps body paragraphs that merely contain chrome words', () => {
    const paragraphs = [
      'In einem Kommentar schrieb die Zeitung, das Gesetz sei überfällig.',
      'Teilen Sie uns Ihre Meinung mit, bat der Sender.',
      'Die Anzeige wurde bei der Polizei erstattet.',
    ]
    expect(parse(page(TITLE, ...paragraphs)).paragraphs).toEqual(paragraphs)
  })
})

describe('image credit', () => {
  it.each([
    ['Elionas2 (CC0), Pixabay', { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' }],
    [
      'Foto: Max Mustermann (CC BY-SA 4.0), Wikimedia Commons',
      { author: 'Max Mustermann', license: 'cc-by-sa-4.0', provider: 'Wikimedia Commons' },
    ],
    [
      'Bild: Unbekannt (Public Domain), Wikimedia Commons',
      { author: 'Unbekannt', license: 'public-domain', provider: 'Wikimedia Commons' },
    ],
    [
      'Photo: Jane Doe (CC BY 2.0), Flickr',
      { author: 'Jane Doe', license: 'cc-by-2.0', provider: 'Flickr' },
    ],
    [
      'Image: John Smith (cc-by-4.0), Unsplash.',
      { author: 'John Smith', license: 'cc-by-4.0', provider: 'Unsplash' },
    ],
    [
      'Foto: Erika Muster / Wikimedia Commons (CC BY-SA 3.0)',
      { author: 'Erika Muster', license: 'cc-by-sa-3.0', provider: 'Wikimedia Commons' },
    ],
    ['Bundesarchiv (gemeinfrei)', { author: 'Bundesarchiv', license: 'public-domain' }],
  ])('parses "%s"', (line, credit) => {
    const result = parse(page(TITLE, line, BODY_1))
    expect(result.imageCredit).toEqual(credit)
    expect(result.paragraphs).toEqual([BODY_1])
  })

  it('returns no credit when there is none', () => {
    expect(parse(page(TITLE, BODY_1)).imageCredit).toBeUndefined()
  })

  it('takes the first credit anywhere in the text and removes every credit line', () => {
    const result = parse(
      page(
        TITLE,
        BODY_1,
        'Foto: Erste Person (CC0), Pixabay',
        BODY_2,
        'Zweite Person (CC BY 2.0), Flickr',
      ),
    )
    expect(result.imageCredit).toEqual({
      author: 'Erste Person',
      license: 'cc0',
      provider: 'Pixabay',
    })
    expect(result.paragraphs).toEqual([BODY_1, BODY_2])
  })

  it('does not mistake body sentences with parentheses for credits', () => {
    const paragraphs = [
      'Die Europäische Union (EU) und Japan haben ein Abkommen geschlossen.',
      'Max Müller (SPD), Berlin',
      `${'Ein sehr langer Satz über Lizenzen '.repeat(6)}(CC0), der trotzdem Text ist.`,
    ]
    const result = parse(page(TITLE, ...paragraphs))
    expect(result.imageCredit).toBeUndefined()
    expect(result.paragraphs).toEqual(paragraphs)
  })
})

describe('dateline', () => {
  it.each([
    ['OTTAWA – Kanada und Japan verhandeln.', 'OTTAWA'],
    ['OTTAWA - Kanada und Japan verhandeln.', 'OTTAWA'],
    ['OTTAWA — Kanada und Japan verhandeln.', 'OTTAWA'],
    ['NEW YORK – Kanada und Japan verhandeln.', 'NEW YORK'],
    ['SANKT PETERSBURG – Kanada und Japan verhandeln.', 'SANKT PETERSBURG'],
    ['FRANKFURT/MAIN - Kanada und Japan verhandeln.', 'FRANKFURT/MAIN'],
    ['BADEN-BADEN – Kanada und Japan verhandeln.', 'BADEN-BADEN'],
    ['ST. GALLEN – Kanada und Japan verhandeln.', 'ST. GALLEN'],
  ])('splits "%s"', (paragraph, place) => {
    const result = parse(page(TITLE, paragraph, BODY_2))
    expect(result.dateline).toBe(place)
    expect(result.paragraphs).toEqual(['Kanada und Japan verhandeln.', BODY_2])
  })

  it('takes an agency tag after the place as source', () => {
    const result = parse(page(TITLE, 'BERLIN (dpa) – Der Bundestag hat entschieden.', BODY_2))
    expect(result.dateline).toBe('BERLIN')
    expect(result.sources).toEqual(['Deutsche Presse-Agentur'])
    expect(result.paragraphs[0]).toBe('Der Bundestag hat entschieden.')
  })

  it('accepts a mixed-case place when an agency tag follows, and several agencies', () => {
    const result = parse(page(TITLE, 'Berlin (dpa/AFP) - Der Bundestag hat entschieden.'))
    expect(result.dateline).toBe('Berlin')
    expect(result.sources).toEqual(['Deutsche Presse-Agentur', 'Agence France-Presse'])
  })

  it('has no dateline when the first paragraph does not start with one', () => {
    const result = parse(page(TITLE, BODY_1, 'OTTAWA – Das steht erst im zweiten Absatz.'))
    expect(result.dateline).toBeUndefined()
    expect(result.paragraphs).toEqual([BODY_1, 'OTTAWA – Das steht erst im zweiten Absatz.'])
  })

  it.each([
    'Die Regierung – so heißt es – will handeln.',
    'Die Regierung (CDU) – so heißt es – will handeln.',
    'Sicherheits- und Verteidigungspolitik - ein Überblick.',
    'A – ein einzelner Buchstabe ist kein Ort.',
  ])('does not take "%s" for a dateline', (paragraph) => {
    const result = parse(page(TITLE, paragraph))
    expect(result.dateline).toBeUndefined()
    expect(result.sources).toEqual([])
    expect(result.paragraphs).toEqual([paragraph])
  })
})

describe('agency attribution', () => {
  it.each([
    ['— Mit Dateien von The Associated Press.', ['The Associated Press']],
    ['Mit Dateien von The Associated Press', ['The Associated Press']],
    ['– Mit Material von Reuters.', ['Reuters']],
    ['Mit Informationen von AFP', ['Agence France-Presse']],
    ['Mit Dateien der Deutschen Presse-Agentur', ['Deutsche Presse-Agentur']],
    ['Mit Agenturmaterial der dpa.', ['Deutsche Presse-Agentur']],
    [
      'Mit Dateien von Reuters und der Deutschen Presse-Agentur',
      ['Reuters', 'Deutsche Presse-Agentur'],
    ],
    [
      'Mit Material von Reuters, AFP und dpa.',
      ['Reuters', 'Agence France-Presse', 'Deutsche Presse-Agentur'],
    ],
    [
      'Mit Material des Evangelischen Pressedienstes sowie der Katholischen Nachrichten-Agentur',
      ['Evangelischer Pressedienst', 'Katholische Nachrichten-Agentur'],
    ],
    ['Mit Material der APA und von Kyodo', ['Austria Presse Agentur', 'Kyodo']],
    ['Mit Material der Süddeutschen Zeitung', ['Süddeutsche Zeitung']],
    ['Mit Material der Frankfurter Allgemeinen Zeitung', ['Frankfurter Allgemeine Zeitung']],
    ['Mit Informationen des Bayerischen Rundfunks', ['Bayerischer Rundfunk']],
    ['Mit Informationen vom Westdeutschen Rundfunk', ['Westdeutscher Rundfunk']],
    ['Mit Material des Presse- und Informationsamtes', ['Presse- und Informationsamt']],
    ['— With files from The Canadian Press', ['The Canadian Press']],
    [
      'With files from the Canadian Press, Reuters and Bloomberg.',
      ['The Canadian Press', 'Reuters', 'Bloomberg'],
    ],
  ])('reads "%s"', (line, sources) => {
    const result = parse(page(TITLE, BODY_1, line))
    expect(result.sources).toEqual(sources)
    expect(result.paragraphs).toEqual([BODY_1])
  })

  it('deduplicates sources from the dateline tag and the attribution line, keeping order', () => {
    const result = parse(
      page(
        TITLE,
        'BERLIN (dpa) – Der Bundestag hat entschieden.',
        'Mit Material der dpa und von Reuters.',
      ),
    )
    expect(result.sources).toEqual(['Deutsche Presse-Agentur', 'Reuters'])
  })

  it('keeps a body sentence that only starts like an attribution', () => {
    const sentence = 'Mit Material von Freunden baute er ein Haus am See.'
    const result = parse(page(TITLE, sentence))
    expect(result.sources).toEqual([])
    expect(result.paragraphs).toEqual([sentence])
  })
})

describe('isNewsAgency', () => {
  it.each([
    'The Associated Press',
    'AP',
    'Reuters',
    'Agence France-Presse',
    'AFP',
    'Deutsche Presse-Agentur',
    'dpa',
    'der Deutschen Presse-Agentur',
    'Kyodo',
    'Canadian Press',
    'The Canadian Press',
    'Evangelischer Pressedienst',
    'epd',
    'Katholische Nachrichten-Agentur',
    'KNA',
    'Austria Presse Agentur',
    'APA',
    'Keystone-SDA',
    'Bloomberg',
    'ANSA',
    'EFE',
    'Xinhua',
    'Italienische Nachrichtenagentur',
  ])('knows %s', (name) => {
    expect(isNewsAgency(name)).toBe(true)
  })

  it.each(['Süddeutsche Zeitung', 'Bayerischer Rundfunk', 'Pixabay', 'Wikimedia Commons'])(
    'does not count %s',
    (name) => {
      expect(isNewsAgency(name)).toBe(false)
    },
  )
})

describe('language', () => {
  it('is German by default', () => {
    expect(parse(page(TITLE, BODY_1)).language).toBe('de')
  })

  it('is English for an English article, whose chrome is dropped too', () => {
    const result = parse(
      page(
        'Canada and Japan begin talks on intelligence pact',
        'Article content',
        'OTTAWA — Canada and Japan have started talks that aim to share military intelligence with each other.',
        'Advertisement',
        'Story continues below this advertisement',
        'The two countries said that the pact is important for the stability of the region and for their partners.',
        '— With files from The Associated Press',
        'Source link',
      ),
    )
    expect(result.language).toBe('en')
    expect(result.dateline).toBe('OTTAWA')
    expect(result.sources).toEqual(['The Associated Press'])
    expect(result.paragraphs).toEqual([
      'Canada and Japan have started talks that aim to share military intelligence with each other.',
      'The two countries said that the pact is important for the stability of the region and for their partners.',
    ])
  })
})

describe('errors', () => {
  const expectError = (text: string, reason: RegExp) => {
    let error: unknown
    try {
      parseArticleText(text, 'kaputt.txt')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ArticleParseError)
    expect((error as ArticleParseError).message).toMatch(reason)
    expect((error as ArticleParseError).message).toContain('kaputt.txt')
  }

  it('rejects an empty file', () => expectError('', /leer|empty/i))
  it('rejects a whitespace-only file', () => expectError(' \n\t\r\n\u00A0 \r ', /leer|empty/i))
  it('rejects a file holding only a BOM', () => expectError('\uFEFF\n', /leer|empty/i))

  it('rejects binary content with NUL bytes, however it was decoded', () => {
    const bytes = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52,
    ])
    expectError(bytes.toString('latin1'), /binär|binary/i)
    expectError(bytes.toString('utf8'), /binär|binary/i)
  })

  it('rejects text that is mostly replacement characters', () => {
    const garbage = Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 64)))
    expectError(garbage.toString('utf8'), /binär|binary/i)
  })

  it('rejects a file with only chrome (no title)', () => {
    expectError(
      page('Dark Mode Light Mode', 'Inhalt des Artikels', 'Source link-46'),
      /titel|title/i,
    )
  })

  it('rejects a file with a title but no body', () => {
    expectError(page(TITLE), /fließtext|body/i)
    expectError(
      page(
        'Dark Mode Light Mode',
        TITLE,
        'Elionas2 (CC0), Pixabay',
        'Schreibe einen Kommentar',
        'Next Post',
        'Teaser',
      ),
      /fließtext|body/i,
    )
  })

  it('accepts a single stray replacement character in otherwise fine text', () => {
    expect(parse(page(TITLE, `${BODY_1} M\uFFFDnchen`)).paragraphs).toHaveLength(1)
  })
})
