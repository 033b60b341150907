/**
 * Image licences the newsroom accepts. `label` is what readers see in a credit line,
 * `url` the licence's official page, `requiresAttribution` whether an author must be named.
 */
export type License = {
  value: string
  label: string
  url?: string
  requiresAttribution: boolean
}

export const LICENSES = [
  {
    value: 'cc0',
    label: 'CC0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    requiresAttribution: false,
  },
  {
    value: 'public-domain',
    label: 'Public Domain',
    url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    requiresAttribution: false,
  },
  {
    value: 'cc-by-4.0',
    label: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-sa-4.0',
    label: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-nd-4.0',
    label: 'CC BY-ND 4.0',
    url: 'https://creativecommons.org/licenses/by-nd/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-nc-4.0',
    label: 'CC BY-NC 4.0',
    url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-nc-sa-4.0',
    label: 'CC BY-NC-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-nc-nd-4.0',
    label: 'CC BY-NC-ND 4.0',
    url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-3.0',
    label: 'CC BY 3.0',
    url: 'https://creativecommons.org/licenses/by/3.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-sa-3.0',
    label: 'CC BY-SA 3.0',
    url: 'https://creativecommons.org/licenses/by-sa/3.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-2.0',
    label: 'CC BY 2.0',
    url: 'https://creativecommons.org/licenses/by/2.0/',
    requiresAttribution: true,
  },
  {
    value: 'cc-by-sa-2.0',
    label: 'CC BY-SA 2.0',
    url: 'https://creativecommons.org/licenses/by-sa/2.0/',
    requiresAttribution: true,
  },
  // The licences of the free picture sites news sites use most; neither requires a credit (a
  // newsroom gives one anyway), neither allows selling the unaltered picture.
  {
    value: 'pixabay',
    label: 'Pixabay Content License',
    url: 'https://pixabay.com/service/license-summary/',
    requiresAttribution: false,
  },
  {
    value: 'unsplash',
    label: 'Unsplash License',
    url: 'https://unsplash.com/license',
    requiresAttribution: false,
  },
  { value: 'all-rights-reserved', label: 'All rights reserved', requiresAttribution: false },
] as const satisfies readonly License[]

export type LicenseValue = (typeof LICENSES)[number]['value']

export const licenseByValue = (value: string | null | undefined): License | undefined =>
  LICENSES.find((license) => license.value === value)

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‐‑‒–—_]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()

const ALIASES: Record<string, LicenseValue> = {
  cc0: 'cc0',
  'cc0 1.0': 'cc0',
  'cc-0': 'cc0',
  'cc zero': 'cc0',
  'public domain': 'public-domain',
  'public-domain': 'public-domain',
  pd: 'public-domain',
  gemeinfrei: 'public-domain',
  'pixabay license': 'pixabay',
  'pixabay content license': 'pixabay',
  'pixabay-lizenz': 'pixabay',
  'pixabay-inhaltslizenz': 'pixabay',
  'unsplash license': 'unsplash',
  'unsplash-lizenz': 'unsplash',
  'all rights reserved': 'all-rights-reserved',
  'alle rechte vorbehalten': 'all-rights-reserved',
}

/** Finds a licence from the way it is written in a credit, e.g. `CC BY-SA 4.0`, `cc-by-sa-4.0`, `CC0`. */
export function findLicense(text: string): License | undefined {
  const key = normalise(text)
  const alias = ALIASES[key]
  if (alias) return licenseByValue(alias)
  const creativeCommons = /^cc[ -]?(by(?:-(?:nc|sa|nd))*)[ -]?(\d\.\d)$/.exec(key)
  if (creativeCommons) return licenseByValue(`cc-${creativeCommons[1]}-${creativeCommons[2]}`)
  return LICENSES.find((license) => normalise(license.label) === key)
}

export type Credit = {
  author?: string | null
  license?: string | null
  provider?: string | null
}

/** `Author (Licence label), Provider`, leaving out the parts that are empty. */
export function formatCreditLine({ author, license, provider }: Credit): string {
  const label = licenseByValue(license)?.label
  const who = [author?.trim(), label ? `(${label})` : undefined].filter(Boolean).join(' ')
  return [who, provider?.trim()].filter(Boolean).join(', ')
}
