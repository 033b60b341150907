import { headersWithCors, type Endpoint } from 'payload'

import { discardUntouchedDraft } from '@/lib/articles/untouchedDraft'
import { Refusal } from '@/lib/refusal'

/**
 * `POST /api/articles/:id/discard-untouched`: what the article's edit view calls when its
 * editor leaves an article created by „Neu erstellen“ without typing anything. Deletes it only
 * if nobody ever worked on it (src/lib/articles/untouchedDraft.ts); answers with what happened.
 */
export const discardUntouchedArticle: Endpoint = {
  path: '/:id/discard-untouched',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new Refusal('Bitte melden Sie sich an.', 401)
    const id = req.routeParams?.id
    if (typeof id !== 'string' || !id) throw new Refusal('Bitte die ID des Artikels angeben.', 400)
    const outcome = await discardUntouchedDraft(req.payload, { id, user: req.user, req })
    return Response.json(outcome, { headers: headersWithCors({ headers: new Headers(), req }) })
  },
}
