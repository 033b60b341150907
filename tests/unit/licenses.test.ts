import { describe, expect, it } from 'vitest'

import {
  LICENSES,
  type License,
  findLicense,
  formatCreditLine,
  licenseByValue,
} from '@/lib/licenses'

describe('formatCreditLine', () => {
  it('formats author, licence label and provider', () => {
    expect(formatCreditLine({ author: 'Elionas2', license: 'cc0', provider: 'Pixabay' })).toBe(
      'Elionas2 (CC0), Pixabay',
    )
  })

  it('uses the licence label, not its value', () => {
    expect(
      formatCreditLine({
        author: 'Jane Doe',
        license: 'cc-by-sa-4.0',
        provider: 'Wikimedia Commons',
      }),
    ).toBe('Jane Doe (CC BY-SA 4.0), Wikimedia Commons')
    expect(
      formatCreditLine({ author: 'AP', license: 'all-rights-reserved', provider: 'dpa' }),
    ).toBe('AP (All rights reserved), dpa')
  })

  it('leaves out the author when there is none', () => {
    expect(formatCreditLine({ license: 'cc0', provider: 'Pixabay' })).toBe('(CC0), Pixabay')
    expect(formatCreditLine({ author: null, license: 'cc0', provider: 'Pixabay' })).toBe(
      '(CC0), Pixabay',
    )
    expect(formatCreditLine({ author: '', license: 'cc0', provider: 'Pixabay' })).toBe(
      '(CC0), Pixabay',
    )
  })

  it('leaves out the licence when there is none', () => {
    expect(formatCreditLine({ author: 'Elionas2', provider: 'Pixabay' })).toBe('Elionas2, Pixabay')
    expect(formatCreditLine({ author: 'Elionas2', license: null, provider: 'Pixabay' })).toBe(
      'Elionas2, Pixabay',
    )
    expect(formatCreditLine({ author: 'Elionas2', license: '', provider: 'Pixabay' })).toBe(
      'Elionas2, Pixabay',
    )
  })

  it('leaves out the provider when there is none', () => {
    expect(formatCreditLine({ author: 'Elionas2', license: 'cc0' })).toBe('Elionas2 (CC0)')
    expect(formatCreditLine({ author: 'Elionas2', license: 'cc0', provider: null })).toBe(
      'Elionas2 (CC0)',
    )
  })

  it('handles single parts', () => {
    expect(formatCreditLine({ author: 'Elionas2' })).toBe('Elionas2')
    expect(formatCreditLine({ license: 'public-domain' })).toBe('(Public Domain)')
    expect(formatCreditLine({ provider: 'Pixabay' })).toBe('Pixabay')
  })

  it('returns "" when every part is empty', () => {
    expect(formatCreditLine({})).toBe('')
    expect(formatCreditLine({ author: null, license: null, provider: null })).toBe('')
    expect(formatCreditLine({ author: '   ', license: '', provider: '\t' })).toBe('')
  })

  it('trims author and provider and drops whitespace-only parts', () => {
    expect(
      formatCreditLine({ author: '  Elionas2 \n', license: 'cc0', provider: '  Pixabay  ' }),
    ).toBe('Elionas2 (CC0), Pixabay')
    expect(formatCreditLine({ author: '   ', license: 'cc0', provider: 'Pixabay' })).toBe(
      '(CC0), Pixabay',
    )
    expect(formatCreditLine({ author: 'Elionas2', license: 'cc0', provider: '   ' })).toBe(
      'Elionas2 (CC0)',
    )
  })

  it('drops a licence value it does not know (licences are matched by exact value)', () => {
    expect(
      formatCreditLine({ author: 'Elionas2', license: 'cc-by-5.0', provider: 'Pixabay' }),
    ).toBe('Elionas2, Pixabay')
    // A label or differently-cased value is not a value.
    expect(formatCreditLine({ author: 'Elionas2', license: 'CC0', provider: 'Pixabay' })).toBe(
      'Elionas2, Pixabay',
    )
    expect(
      formatCreditLine({ author: 'Elionas2', license: 'CC BY 4.0', provider: 'Pixabay' }),
    ).toBe('Elionas2, Pixabay')
  })
})

describe('findLicense', () => {
  it.each([
    ['CC0', 'cc0'],
    ['cc0', 'cc0'],
    ['cc0 1.0', 'cc0'],
    ['CC0 1.0', 'cc0'],
    ['CC-0', 'cc0'],
    ['CC Zero', 'cc0'],
    ['  CC0  ', 'cc0'],
    ['CC BY-SA 4.0', 'cc-by-sa-4.0'],
    ['CC-BY-SA-4.0', 'cc-by-sa-4.0'],
    ['cc-by-sa-4.0', 'cc-by-sa-4.0'],
    ['CC BY – SA 4.0', 'cc-by-sa-4.0'],
    ['CC_BY_SA_4.0', 'cc-by-sa-4.0'],
    ['cc by 2.0', 'cc-by-2.0'],
    ['CC BY 4.0', 'cc-by-4.0'],
    ['CC BY 3.0', 'cc-by-3.0'],
    ['CC BY-SA 3.0', 'cc-by-sa-3.0'],
    ['CC BY-SA 2.0', 'cc-by-sa-2.0'],
    ['CC BY-ND 4.0', 'cc-by-nd-4.0'],
    ['CC BY-NC 4.0', 'cc-by-nc-4.0'],
    ['CC BY-NC-SA 4.0', 'cc-by-nc-sa-4.0'],
    ['CC BY-NC-ND 4.0', 'cc-by-nc-nd-4.0'],
    ['Public Domain', 'public-domain'],
    ['public domain', 'public-domain'],
    ['Public-Domain', 'public-domain'],
    ['PD', 'public-domain'],
    ['gemeinfrei', 'public-domain'],
    ['Gemeinfrei', 'public-domain'],
    ['All rights reserved', 'all-rights-reserved'],
    ['ALL RIGHTS  RESERVED', 'all-rights-reserved'],
    ['Alle Rechte vorbehalten', 'all-rights-reserved'],
    ['Pixabay License', 'pixabay'],
    ['Pixabay Content License', 'pixabay'],
    ['pixabay-lizenz', 'pixabay'],
    ['Pixabay-Inhaltslizenz', 'pixabay'],
    ['Unsplash License', 'unsplash'],
    ['Unsplash-Lizenz', 'unsplash'],
  ])('%j → %s', (text, value) => {
    const license = findLicense(text)
    expect(license?.value).toBe(value)
    expect(license).toBe(licenseByValue(value))
  })

  it('returns the full licence entry', () => {
    expect(findLicense('CC BY-SA 4.0')).toEqual({
      value: 'cc-by-sa-4.0',
      label: 'CC BY-SA 4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
      requiresAttribution: true,
    })
  })

  it.each([
    [''],
    ['   '],
    ['MIT'],
    ['GPL-3.0'],
    ['CC BY 5.0'],
    ['CC BY-NC 2.0'],
    ['CC BY-SA'],
    ['CC BY 4'],
    ['Creative Commons'],
    ['Getty Images'],
    ['constructor'],
    ['__proto__'],
    ['toString'],
  ])('%j → undefined', (text) => {
    expect(findLicense(text)).toBeUndefined()
  })
})

describe('licenseByValue', () => {
  it('finds each licence by its value', () => {
    for (const license of LICENSES) expect(licenseByValue(license.value)).toBe(license)
  })

  it('returns the exact entry for cc0', () => {
    expect(licenseByValue('cc0')).toEqual({
      value: 'cc0',
      label: 'CC0',
      url: 'https://creativecommons.org/publicdomain/zero/1.0/',
      requiresAttribution: false,
    })
  })

  it.each([[null], [undefined], [''], ['CC0'], [' cc0'], ['cc-by-5.0'], ['CC BY 4.0']])(
    '%j → undefined',
    (value) => {
      expect(licenseByValue(value)).toBeUndefined()
    },
  )
})

describe('LICENSES', () => {
  it('has unique values and labels', () => {
    expect(new Set(LICENSES.map((license) => license.value)).size).toBe(LICENSES.length)
    expect(new Set(LICENSES.map((license) => license.label)).size).toBe(LICENSES.length)
  })

  it('contains the licences the newsroom accepts', () => {
    expect(LICENSES.map((license) => license.value)).toEqual([
      'cc0',
      'public-domain',
      'cc-by-4.0',
      'cc-by-sa-4.0',
      'cc-by-nd-4.0',
      'cc-by-nc-4.0',
      'cc-by-nc-sa-4.0',
      'cc-by-nc-nd-4.0',
      'cc-by-3.0',
      'cc-by-sa-3.0',
      'cc-by-2.0',
      'cc-by-sa-2.0',
      'pixabay',
      'unsplash',
      'all-rights-reserved',
    ])
  })

  const attributed = LICENSES.filter((license) => license.requiresAttribution)

  it('requires attribution for the CC BY family only', () => {
    expect(attributed).toHaveLength(10)
    for (const license of LICENSES) {
      expect(license.requiresAttribution).toBe(license.value.startsWith('cc-by-'))
    }
  })

  it.each<License>(attributed)(
    '$value is a CC BY licence with an https link to its deed',
    (license) => {
      expect(license.value).toMatch(/^cc-by(-(nc|sa|nd))*-\d\.\d$/)
      expect(license.label).toMatch(/^CC BY(-(NC|SA|ND))* \d\.\d$/)
      expect(license.url).toBeDefined()
      const url = new URL(license.url!)
      expect(url.protocol).toBe('https:')
      expect(url.hostname).toBe('creativecommons.org')
      // The URL path mirrors the value: cc-by-nc-sa-4.0 → /licenses/by-nc-sa/4.0/
      const [, kind, version] = /^cc-(.+)-(\d\.\d)$/.exec(license.value)!
      expect(url.pathname).toBe(`/licenses/${kind}/${version}/`)
      // Its label is recognised by findLicense.
      expect(findLicense(license.label)).toBe(license)
    },
  )

  it('links the Pixabay Content License and the Unsplash License to their official pages', () => {
    expect(licenseByValue('pixabay')).toEqual({
      value: 'pixabay',
      label: 'Pixabay Content License',
      url: 'https://pixabay.com/service/license-summary/',
      requiresAttribution: false,
    })
    expect(licenseByValue('unsplash')).toEqual({
      value: 'unsplash',
      label: 'Unsplash License',
      url: 'https://unsplash.com/license',
      requiresAttribution: false,
    })
    expect(formatCreditLine({ author: 'Elionas2', license: 'pixabay', provider: 'Pixabay' })).toBe(
      'Elionas2 (Pixabay Content License), Pixabay',
    )
  })

  it('links CC0 and Public Domain to https pages and has no link for All rights reserved', () => {
    expect(licenseByValue('cc0')?.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    expect(licenseByValue('public-domain')?.url).toBe(
      'https://creativecommons.org/publicdomain/mark/1.0/',
    )
    expect(licenseByValue('all-rights-reserved')?.url).toBeUndefined()
  })
})
