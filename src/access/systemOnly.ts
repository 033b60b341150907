import type { FieldAccess } from 'payload'

/** For fields only server code writes (computed values, import keys): no API client may set them. */
export const systemOnly: FieldAccess = () => false
