import type { CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

import { MAX_IMAGE_PIXELS } from '@/lib/images/boundedSharp'
import { Refusal } from '@/lib/refusal'

const megapixels = (pixels: number) => Math.round(pixels / 1_000_000).toLocaleString('de-DE')

/**
 * An upload whose header announces more than MAX_IMAGE_PIXELS is refused with 413 before
 * Payload decodes anything (reading the header costs next to nothing) and nothing is stored.
 * Files sharp cannot read go on to Payload's own file-type check.
 */
export const refuseOversizedImages: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file) return args
  let width = 0
  let height = 0
  let pages = 1
  try {
    const header = await sharp(file.tempFilePath || file.data).metadata()
    width = header.width ?? 0
    height = header.height ?? 0
    pages = header.pages ?? 1
  } catch {
    return args
  }
  const pixels = width * height * pages
  if (pixels > MAX_IMAGE_PIXELS) {
    const frames = pages > 1 ? ` in ${pages} Einzelbildern` : ''
    const message =
      `Das Bild ist zu groß: ${width} × ${height} Pixel${frames} (${megapixels(pixels)} Megapixel). ` +
      `Erlaubt sind höchstens ${megapixels(MAX_IMAGE_PIXELS)} Megapixel; bitte verkleinern Sie es vor dem Hochladen.`
    throw new Refusal(message, 413, { errors: [{ path: 'file', message }] })
  }
  return args
}
