import sharp from 'sharp'

/** A real picture of the given size and format, made on the fly (no binary fixtures in git). */
export async function makeImage(
  format: 'png' | 'jpeg',
  width = 1800,
  height = 1200,
): Promise<Buffer> {
  const base = sharp({
    create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } },
  }).composite([
    {
      input: Buffer.from(
        `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f5a623"/></svg>`,
      ),
    },
  ])
  return format === 'png' ? base.png().toBuffer() : base.jpeg({ quality: 80 }).toBuffer()
}

export const imageFile = (data: Buffer, name: string, mimetype: string) => ({
  data,
  name,
  mimetype,
  size: data.length,
})

export function uploadForm(
  data: Buffer,
  name: string,
  mimetype: string,
  fields: Record<string, unknown>,
): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: mimetype }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}
