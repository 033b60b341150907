import { revalidateTag } from 'next/cache'

import { revalidateSecret } from '@/lib/revalidate'
import { sameSecret } from '@/lib/secret'

export const dynamic = 'force-dynamic'

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * Expires cache tags at once (`{ tags: string[] }`). Used by code running outside a request in
 * this server, e.g. the jobs queue publishing a scheduled article (src/lib/revalidate.ts).
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameSecret(request.headers.get('x-revalidate-secret'), revalidateSecret())) {
    return json(401, { error: 'Ungültiges Geheimnis.' })
  }
  let tags: unknown
  try {
    tags = ((await request.json()) as { tags?: unknown })?.tags
  } catch {
    return json(400, { error: 'Erwartet wird JSON: { "tags": ["…"] }.' })
  }
  const valid =
    Array.isArray(tags) &&
    tags.length > 0 &&
    tags.length <= 100 &&
    tags.every((tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= 256)
  if (!valid) return json(400, { error: 'Erwartet wird JSON: { "tags": ["…"] } mit 1–100 Tags.' })
  for (const tag of tags as string[]) revalidateTag(tag, { expire: 0 })
  return json(200, { revalidated: tags })
}
