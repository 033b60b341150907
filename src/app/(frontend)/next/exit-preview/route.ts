import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { sameSitePath } from '@/site/paths'

export const dynamic = 'force-dynamic'

/** Leaves preview and returns to `?path=` (or the page the link was on, or the home page). */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  const url = new URL(request.url)
  const referer = request.headers.get('referer')
  let back = sameSitePath(url.searchParams.get('path'))
  if (!back && referer) {
    try {
      const from = new URL(referer)
      if (from.host === url.host) back = sameSitePath(`${from.pathname}${from.search}`)
    } catch {
      // An unreadable referer just means: go home.
    }
  }
  redirect(back ?? '/')
}
