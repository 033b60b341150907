import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Records who made this save: the newsroom user, or nobody for system saves (importer, jobs).
 * Payload snapshots the whole document into each version, so every version names its editor
 * (shown in the "Von" column of the versions list, src/components/admin/ArticleVersions).
 */
export const stampEditedBy: CollectionBeforeChangeHook = ({ data, req }) => {
  const user = req.user
  return { ...data, editedBy: user && user.collection === 'users' ? user.id : null }
}
