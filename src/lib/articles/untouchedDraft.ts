import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { lexicalToPlainText } from '@/lib/lexical'

/**
 * „Neu erstellen“ on an article creates it at once: Payload's admin saves a new document of a
 * collection with autosave before the form opens (so that autosave has something to PATCH).
 * An author who then leaves without typing left an empty „ID: …“ article behind in the list.
 * Such an article — never saved again after that first create, no title, no text, never
 * published — is discarded when its editor leaves it (src/components/admin/DiscardUntouchedDraft).
 */

export type DraftShape = {
  title?: string | null
  content?: unknown
  _status?: string | null
  publishedAt?: string | null
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/** Whether an article's data holds nothing anybody wrote: no title, no text, never published. */
export function isEmptyDraft(doc: DraftShape | null | undefined): boolean {
  if (!doc) return false
  if (doc._status === 'published' || doc.publishedAt) return false
  return blank(doc.title) && lexicalToPlainText(doc.content).trim() === ''
}

export type DiscardOutcome =
  | { discarded: true }
  | { discarded: false; reason: 'not-found' | 'edited' | 'locked' | 'forbidden' }

/**
 * Deletes the article if nobody ever worked on it: empty (isEmptyDraft), only the version of
 * its creation, not held open by someone else (Payload's document lock), and only if `user`
 * may read and delete it (their own rights; authors delete their own unpublished drafts).
 */
export async function discardUntouchedDraft(
  payload: Payload,
  { id, user, req }: { id: string; user: TypedUser | null | undefined; req?: PayloadRequest },
): Promise<DiscardOutcome> {
  if (!isNewsroomUser(user)) return { discarded: false, reason: 'forbidden' }
  const asUser = { overrideAccess: false, user, req } as const
  const doc = await payload
    .findByID({
      collection: 'articles',
      id,
      draft: true,
      depth: 0,
      disableErrors: true,
      select: { title: true, content: true, _status: true, publishedAt: true },
      ...asUser,
    })
    .catch(() => null)
  if (!doc) return { discarded: false, reason: 'not-found' }
  if (!isEmptyDraft(doc as DraftShape)) return { discarded: false, reason: 'edited' }
  // Every save after the create (an autosave included) adds a version.
  const { totalDocs: versions } = await payload.countVersions({
    collection: 'articles',
    where: { parent: { equals: id } },
    ...asUser,
  })
  if (versions > 1) return { discarded: false, reason: 'edited' }
  try {
    const { docs, errors } = await payload.delete({
      collection: 'articles',
      where: { id: { equals: id } },
      depth: 0,
      // Somebody else holding it open may be about to type into it.
      overrideLock: false,
      ...asUser,
    })
    if (docs.length === 1) return { discarded: true }
    const locked = errors.some((error) => /locked/i.test(error.message))
    return { discarded: false, reason: locked ? 'locked' : 'forbidden' }
  } catch {
    return { discarded: false, reason: 'forbidden' }
  }
}
