import type { AfterErrorHook } from 'payload'

/**
 * Payload's REST endpoints read a JSON `where` or `data` query parameter and the `_payload`
 * field of an upload form with a bare `JSON.parse`, so malformed JSON there became a 500. It is
 * the client's mistake: 400 with a message.
 */
export const malformedJsonIsBadRequest: AfterErrorHook = ({ error }) => {
  if (!(error instanceof SyntaxError) || !/JSON/.test(error.message)) return
  return { status: 400, response: { errors: [{ message: `Die Anfrage enthält ungültiges JSON: ${error.message}` }] } }
}
