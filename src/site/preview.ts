import { cookies, draftMode } from 'next/headers'

/** Payload's login cookie (default `cookiePrefix` "payload"). */
export const PAYLOAD_TOKEN_COOKIE = 'payload-token'

/**
 * The editor's token while Next.js draft mode is on, else `null`. Reading `draftMode()` keeps a
 * page static; `cookies()` is only touched in draft mode, where Next renders per request anyway.
 */
export async function previewToken(): Promise<string | null> {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  return (await cookies()).get(PAYLOAD_TOKEN_COOKIE)?.value ?? null
}

export async function isPreview(): Promise<boolean> {
  return (await draftMode()).isEnabled
}
