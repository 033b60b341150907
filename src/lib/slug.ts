const GERMAN_TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
}

export const MAX_SLUG_LENGTH = 96

/**
 * URL slug with German transliteration: `Größe & Übung` → `groesse-und-uebung`.
 * Other accents are stripped (`é` → `e`); anything that is not a-z or 0-9 becomes a hyphen.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .replace(/[äöüÄÖÜßẞ]/g, (char) => GERMAN_TRANSLITERATION[char] ?? char)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' und ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  const cut = slug.slice(0, MAX_SLUG_LENGTH)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '')
}

/** `base`, then `base-2`, `base-3`, … — the first candidate `isTaken` says is free. */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`
    if (!(await isTaken(candidate))) return candidate
  }
}
