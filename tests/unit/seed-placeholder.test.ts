import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import {
  createPlaceholderImage,
  PLACEHOLDER_HEIGHT,
  PLACEHOLDER_WIDTH,
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
})
