import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  headersWithCors,
  parseParams,
  restoreVersionOperation,
  type Endpoint,
} from 'payload'

import { isAuthorUser } from '@/access/roles'
import { Refusal } from '@/lib/refusal'

/**
 * Payload's REST restore (`POST /api/articles/versions/:id`, what the admin's Restore button
 * calls), except that an author's restore is always a draft restore: the old text becomes the
 * newest draft and readers keep the published article. The admin offers "restore as draft"
 * only for published versions, so without this an author could not restore their own earlier
 * drafts of a published article at all (a plain restore there is refused, see
 * hooks/authorsSaveDrafts.ts, which still guards GraphQL and the Local API).
 */
export const restoreArticleVersion: Endpoint = {
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    // As Payload prepares its own POST endpoints.
    await addDataAndFileToRequest(req)
    addLocalesToRequestFromData(req)
    const id = req.routeParams?.id
    if (typeof id !== 'string' || !id) throw new Refusal('Bitte die ID der Version angeben.', 400)
    const { depth, draft, populate } = parseParams(req.query)
    // The operation itself: the Local API's restoreVersion has no `draft` option.
    const doc = await restoreVersionOperation({
      collection: req.payload.collections.articles,
      id,
      depth,
      draft: isAuthorUser(req.user) || draft === true,
      populate,
      req,
    })
    return Response.json(
      { ...doc, message: req.t('version:restoredSuccessfully') },
      { headers: headersWithCors({ headers: new Headers(), req }) },
    )
  },
}
