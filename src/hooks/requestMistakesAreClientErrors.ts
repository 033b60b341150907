import type { AfterErrorHook, PayloadRequest } from 'payload'

/**
 * Errors Payload's REST endpoints raise (500) for requests that are malformed, recognised by the
 * request itself, so an error of the same kind anywhere else stays a server error:
 *
 * - a multipart body without `boundary` (Payload: "Request is not eligible for file upload");
 * - `POST /api/users/verify/<token>` on a collection without e-mail verification;
 * - `GET /api/<slug>/versions…` on a collection without versions.
 */
export const requestMistakesAreClientErrors: AfterErrorHook = ({ collection, req }) => {
  const mistake = requestMistake(req, collection)
  if (mistake)
    return { status: mistake.status, response: { errors: [{ message: mistake.message }] } }
}

type Mistake = { status: number; message: string }

type CollectionShape = { slug: string; auth?: { verify?: unknown }; versions?: unknown }

function requestMistake(req: PayloadRequest, collection?: CollectionShape): Mistake | null {
  const type = req.headers?.get('content-type') ?? ''
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=/i.test(type)) {
    return {
      status: 400,
      message: 'Das Formular ist unvollständig: „multipart/form-data“ ohne „boundary“.',
    }
  }
  const path = pathOf(req)
  if (path === null) return null
  if (
    collection &&
    !collection.auth?.verify &&
    new RegExp(`^/api/${collection.slug}/verify/`).test(path)
  ) {
    return { status: 404, message: 'Für diese Sammlung gibt es keine Bestätigung per E-Mail.' }
  }
  if (
    collection &&
    !collection.versions &&
    new RegExp(`^/api/${collection.slug}/versions(/|$)`).test(path)
  ) {
    return { status: 404, message: 'Diese Sammlung hat keine Versionen.' }
  }
  return null
}

function pathOf(req: PayloadRequest): string | null {
  try {
    return new URL(req.url ?? '').pathname
  } catch {
    return null
  }
}
