import { LICENSES, type License } from '@/lib/licenses'

type Rendition =
  { url?: string | null; width?: number | null; height?: number | null } | null | undefined

export type ResponsiveImage = {
  src: string
  srcSet?: string
  width?: number
  height?: number
}

const usable = (
  rendition: Rendition,
): rendition is { url: string; width: number; height?: number | null } =>
  Boolean(rendition?.url && rendition.width)

/**
 * `src`/`srcset` from the sizes Payload made (thumbnail 400w, card 768w, hero 1600w). A size is
 * missing when the original was smaller (`withoutEnlargement`); the original stands in then.
 * `largest` caps the candidates, e.g. cards never need the hero size.
 */
export function responsiveImage(
  image: { url?: string | null; width?: number | null; height?: number | null },
  renditions: Rendition[],
  largest = Infinity,
): ResponsiveImage | undefined {
  const byWidth = new Map<number, { url: string; width: number; height?: number | null }>()
  for (const rendition of renditions) {
    if (usable(rendition) && rendition.width <= largest && !byWidth.has(rendition.width))
      byWidth.set(rendition.width, rendition)
  }
  const candidates = [...byWidth.values()].sort((a, b) => a.width - b.width)
  if (candidates.length === 0) {
    if (!image.url) return undefined
    return { src: image.url, width: image.width ?? undefined, height: image.height ?? undefined }
  }
  const fallback = candidates[candidates.length - 1]
  return {
    src: fallback.url,
    srcSet: candidates.map((candidate) => `${candidate.url} ${candidate.width}w`).join(', '),
    width: fallback.width,
    height: fallback.height ?? undefined,
  }
}

/** GraphQL spells select values as enum names (`cc-by-4.0` → `cc_by_4_0`). */
const graphQLName = (value: string): string => value.replace(/[^0-9a-z_]/gi, '_')

export function licenseFromGraphQL(name: string | null | undefined): License | undefined {
  if (!name) return undefined
  return LICENSES.find((license) => license.value === name || graphQLName(license.value) === name)
}
