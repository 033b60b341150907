import type { CollectionAfterChangeHook } from 'payload'

/**
 * Payload removes a document's edit lock on every save, autosaves included (payloadcms/payload
 * #11604): with autosave on, an article's lock lived only from a keystroke to its autosave, and
 * a second editor opening the article almost never learned that someone was writing in it.
 * After an autosave by a signed-in member of the newsroom the lock is theirs again, so the next
 * one sees who holds the article and may take it over. It lapses after the collection's lock
 * duration without a change. Only autosaves: a save, a publish or a change of the workflow
 * status (handing the article on) still releases it.
 */
export const keepLockThroughAutosave: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update' || !req.user || !isAutosave(req.query?.autosave)) return doc
  if (collection.lockDocuments === false) return doc
  // Handing the article on (submitting it, sending it back, approving it) ends one's turn.
  if (previousDoc?.workflowStatus !== doc.workflowStatus) return doc
  await req.payload.create({
    collection: 'payload-locked-documents',
    data: {
      document: { relationTo: 'articles', value: doc.id },
      globalSlug: null,
      user: { relationTo: 'users', value: req.user.id },
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return doc
}

const isAutosave = (value: unknown): boolean => value === true || value === 'true'
