import type { CollectionBeforeOperationHook } from 'payload'

import { Refusal } from '@/lib/refusal'

const READABLE_BODY = /^(application\/([\w.+-]+\+)?json|multipart\/form-data)\b/i

/**
 * Payload's REST endpoints read a body only as JSON or as a form with `_payload`; any other
 * content type (`text/plain`, `application/x-www-form-urlencoded`) left `data` undefined, and a
 * hook failed on it (500) or, worse, an empty document could be saved. Refused with 415 before
 * anything is written. Listed first on every collection.
 */
export const requireJsonBody: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || req.payloadAPI !== 'REST') return args
  const type = req.headers?.get('content-type')
  if (!type || READABLE_BODY.test(type)) return args
  throw new Refusal(
    `Inhaltstyp „${type.split(';', 1)[0]}“ wird nicht unterstützt: bitte die Daten als JSON (Content-Type: application/json) senden.`,
    415,
  )
}
