import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import {
  createPlaceholderImage,
  PLACEHOLDER_ALT,
  PLACEHOLDER_HEIGHT,
  PLACEHOLDER_VARIANTS,
  PLACEHOLDER_WIDTH,
  placeholderImportKey,
  placeholderPicture,
  placeholderVariantOf,
} from '../../src/seed/placeholder'

const averageColour = async (picture: Buffer) =>
  (await sharp(picture).stats()).channels.map(({ mean }) => Math.round(mean))

describe('placeholder picture', () => {
  it('is a real JPEG of the intended size', async () => {
    const picture = await createPlaceholderImage('000_1720218f34133c12-hero')
    const metadata = await sharp(picture).metadata()
    expect(metadata).toMatchObject({
      format: 'jpeg',
      width: PLACEHOLDER_WIDTH,
      height: PLACEHOLDER_HEIGHT,
      channels: 3,
    })
    expect([PLACEHOLDER_WIDTH, PLACEHOLDER_HEIGHT]).toEqual([1200, 630])
    expect(picture.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(picture.length).toBeLessThan(100_000)
  })

  it('is the same picture for the same key', async () => {
    const a = await createPlaceholderImage('same-key')
    const b = await createPlaceholderImage('same-key')
    expect(a.equals(b)).toBe(true)
  })

  it('takes its colours from the key', async () => {
    const colours = await Promise.all(
      ['alpha', 'beta', 'gamma', 'delta'].map(async (key) =>
        (await averageColour(await createPlaceholderImage(key))).join(),
      ),
    )
    expect(new Set(colours).size).toBeGreaterThan(1)
  })

  it('is not one flat colour', async () => {
    const { channels } = await sharp(await createPlaceholderImage('gradient')).stats()
    expect(Math.max(...channels.map(({ stdev }) => stdev))).toBeGreaterThan(5)
  })

  it('can be made in another size', async () => {
    const metadata = await sharp(
      await createPlaceholderImage('small', { width: 320, height: 180 }),
    ).metadata()
    expect([metadata.width, metadata.height]).toEqual([320, 180])
  })

  it('has a few variants, each its own picture, that keys spread over', async () => {
    expect(PLACEHOLDER_VARIANTS).toBeGreaterThan(1)
    const variants = Array.from({ length: PLACEHOLDER_VARIANTS }, (_, variant) => variant)
    const pictures = await Promise.all(variants.map((variant) => placeholderPicture(variant)))
    expect(new Set(pictures.map((picture) => picture.toString('base64'))).size).toBe(
      PLACEHOLDER_VARIANTS,
    )
    const picked = Array.from({ length: 400 }, (_, i) => placeholderVariantOf(`${i}_bench`))
    expect(picked.every((variant) => variants.includes(variant))).toBe(true)
    // Every variant is used, none by most of the keys.
    for (const variant of variants) {
      const share = picked.filter((v) => v === variant).length / picked.length
      expect(share).toBeGreaterThan(0)
      expect(share).toBeLessThan(0.3)
    }
    // A key's picture is its variant's picture.
    const key = '000_1720218f34133c12'
    expect((await createPlaceholderImage(key)).equals(pictures[placeholderVariantOf(key)])).toBe(
      true,
    )
  })

  it('refuses a variant that does not exist', () => {
    expect(() => placeholderPicture(PLACEHOLDER_VARIANTS)).toThrow(RangeError)
    expect(() => placeholderPicture(-1)).toThrow(RangeError)
    expect(() => placeholderPicture(1.5)).toThrow(RangeError)
  })

  it('names the shared image documents and describes them for everyone', () => {
    expect(placeholderImportKey(0)).toBe('placeholder-1')
    expect(placeholderImportKey(PLACEHOLDER_VARIANTS - 1)).toBe(
      `placeholder-${PLACEHOLDER_VARIANTS}`,
    )
    expect(PLACEHOLDER_ALT).toMatch(/^Platzhalterbild/)
    expect(PLACEHOLDER_ALT.length).toBeLessThanOrEqual(300)
  })
})
