/**
 * Placeholder hero pictures for imported articles: the scraped files only name the photo's credit,
 * the photo itself is not available offline. There are a few of them (soft gradients with light
 * blobs), so lists in the admin and on the site do not look like one grey wall; an article's key
 * picks one. The importer stores each as one image document that all articles of that variant
 * share (see articleImporter.ts), instead of one upload with four resizes per article.
 */
import { createHash } from 'node:crypto'

import sharp from 'sharp'

// Exactly the 1200×630 Open Graph size, so Payload makes that size by a plain resize instead of
// a focal-point crop; `hero` (1600 wide, withoutEnlargement) stays 1200 wide. Payload's upload
// then costs about 140 ms CPU per image on a 2-core VM, against 175 ms for 1200×675 and
// 275 ms for 1600×900 (see bench/import.ts).
export const PLACEHOLDER_WIDTH = 1200
export const PLACEHOLDER_HEIGHT = 630
export const PLACEHOLDER_MIME_TYPE = 'image/jpeg'
// Shown to readers under the picture; editors find placeholders by this caption in the admin.
export const PLACEHOLDER_CAPTION = 'Platzhalterbild – das Originalfoto ist nicht verfügbar.'
// The picture is the newsroom's own drawing, so its credit names the newsroom, never the
// photographer of the original (that credit stays with the article: `originalPhoto`).
export const PLACEHOLDER_CREDIT = { author: 'Redaktion', license: 'cc0', provider: null } as const
// One picture serves many articles, so it describes itself, not one article's topic.
export const PLACEHOLDER_ALT =
  'Platzhalterbild der Redaktion: Zu diesem Artikel liegt kein Foto vor.'
// How many different placeholder pictures (and shared image documents) there are.
export const PLACEHOLDER_VARIANTS = 8

// The picture is drawn at this small size and scaled up, which smooths it for free.
const DRAFT_WIDTH = 48
const DRAFT_HEIGHT = 25

type Rgb = [number, number, number]

/** HSL (hue in degrees, saturation and lightness 0–1) to RGB 0–255. */
function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12
    return Math.round(255 * (lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
  }
  return [channel(0), channel(8), channel(4)]
}

/** A stream of numbers in [0, 1) taken from the SHA-256 of the key (16 per digest). */
function hashNumbers(key: string): () => number {
  let digest = Buffer.alloc(0)
  let index = 0
  return () => {
    if (index % 32 === 0) digest = createHash('sha256').update(`${key}:${index}`).digest()
    const value = digest.readUInt16BE(index % 32) / 0x10000
    index += 2
    return value
  }
}

type Blob = { x: number; y: number; radius: number; strength: number }

function drawDraft(key: string): Buffer {
  const next = hashNumbers(key)
  const hue = next() * 360
  const from = hslToRgb(hue, 0.55, 0.42)
  const to = hslToRgb((hue + 35 + next() * 45) % 360, 0.6, 0.62)
  const blobs: Blob[] = Array.from({ length: 3 }, () => ({
    x: next() * DRAFT_WIDTH,
    y: next() * DRAFT_HEIGHT,
    radius: (0.2 + next() * 0.25) * DRAFT_WIDTH,
    strength: 0.12 + next() * 0.18,
  }))

  const pixels = Buffer.alloc(DRAFT_WIDTH * DRAFT_HEIGHT * 3)
  for (let y = 0; y < DRAFT_HEIGHT; y++) {
    for (let x = 0; x < DRAFT_WIDTH; x++) {
      // Diagonal gradient from the top left to the bottom right.
      const t = (x / DRAFT_WIDTH + y / DRAFT_HEIGHT) / 2
      const light = blobs.reduce((sum, blob) => {
        const distance = Math.hypot(x - blob.x, y - blob.y) / blob.radius
        return sum + blob.strength * Math.max(0, 1 - distance * distance)
      }, 0)
      for (let c = 0; c < 3; c++) {
        const base = from[c] + (to[c] - from[c]) * t
        pixels[(y * DRAFT_WIDTH + x) * 3 + c] = Math.round(
          base + (255 - base) * Math.min(light, 0.6),
        )
      }
    }
  }
  return pixels
}

/** The variant (0 … PLACEHOLDER_VARIANTS − 1) a key's hash picks. */
export const placeholderVariantOf = (key: string): number =>
  createHash('sha256').update(key).digest().readUInt32BE(0) % PLACEHOLDER_VARIANTS

/** The import key of the shared image document of a variant. */
export const placeholderImportKey = (variant: number): string => `placeholder-${variant + 1}`

// Each picture is drawn once per process.
const cache = new Map<string, Promise<Buffer>>()

function render(variant: number, width: number, height: number): Promise<Buffer> {
  return sharp(drawDraft(`variant-${variant}`), {
    raw: { width: DRAFT_WIDTH, height: DRAFT_HEIGHT, channels: 3 },
  })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .jpeg({ quality: 82 })
    .toBuffer()
}

/** The placeholder JPEG of one variant. */
export function placeholderPicture(
  variant: number,
  { width = PLACEHOLDER_WIDTH, height = PLACEHOLDER_HEIGHT } = {},
): Promise<Buffer> {
  if (!Number.isInteger(variant) || variant < 0 || variant >= PLACEHOLDER_VARIANTS)
    throw new RangeError(`No placeholder variant ${variant}`)
  const cacheKey = `${variant}:${width}x${height}`
  let picture = cache.get(cacheKey)
  if (!picture) {
    picture = render(variant, width, height)
    cache.set(cacheKey, picture)
    picture.catch(() => cache.delete(cacheKey))
  }
  return picture
}

/** The deterministic placeholder JPEG for `key`: its colours come from the key's hash. */
export const createPlaceholderImage = (
  key: string,
  size: { width?: number; height?: number } = {},
): Promise<Buffer> => placeholderPicture(placeholderVariantOf(key), size)
