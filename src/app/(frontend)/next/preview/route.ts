import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isNewsroomUser } from '@/access/roles'
import { previewSecret } from '@/lib/preview'
import { sameSecret } from '@/lib/secret'
import { apiBaseUrl } from '@/site/client'
import { sameSitePath } from '@/site/paths'
import { PAYLOAD_TOKEN_COOKIE } from '@/site/preview'

export const dynamic = 'force-dynamic'

const text = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/** Who the editor's token belongs to, asked of the API the way any client would. */
async function newsroomUser(token: string): Promise<boolean> {
  try {
    const response = await fetch(`${apiBaseUrl()}/api/users/me`, {
      headers: { Authorization: `JWT ${token}` },
      cache: 'no-store',
    })
    if (!response.ok) return false
    const { user } = (await response.json()) as {
      user?: { role?: string; collection?: string } | null
    }
    return isNewsroomUser(user ? { ...user, collection: user.collection ?? 'users' } : null)
  } catch {
    return false
  }
}

/**
 * The admin's preview link: `/next/preview?path=/artikel/…&secret=…`. Needs the preview secret
 * and a logged-in newsroom member; then switches on Next.js draft mode and shows the page.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams
  if (!sameSecret(params.get('secret'), previewSecret()))
    return text(401, 'Ungültiger Vorschau-Link.')
  const path = sameSitePath(params.get('path'))
  if (!path) return text(400, 'Der Vorschau-Link nennt keine Seite dieser Website.')
  const token = (await cookies()).get(PAYLOAD_TOKEN_COOKIE)?.value
  if (!token || !(await newsroomUser(token))) {
    return text(
      403,
      'Die Vorschau ist nur für angemeldete Mitglieder der Redaktion. Bitte zuerst unter /admin anmelden.',
    )
  }
  ;(await draftMode()).enable()
  redirect(path)
}
