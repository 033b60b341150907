import type { AfterErrorHook, PayloadRequest } from 'payload'

/**
 * Payload's REST endpoints read a JSON `where` or `data` query parameter and the `_payload`
 * field of an upload form with a bare `JSON.parse`, so malformed JSON there became a 500. It is
 * the client's mistake: 400 with a message. Only when the request itself shows it: a JSON
 * error anywhere else (stored data, a hook) stays a server error.
 */
export const malformedJsonIsBadRequest: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError) || !/JSON/.test(error.message)) return
  const message = clientJsonMistake(req)
  if (message) return { status: 400, response: { errors: [{ message }] } }
}

function clientJsonMistake(req: PayloadRequest): string | null {
  for (const name of ['where', 'data']) {
    const value = req.searchParams?.get(name)
    if (value && !parses(value)) return `Der Parameter „${name}“ ist kein gültiges JSON.`
  }
  // Payload parses `_payload` before anything else of a form, so its error comes from there.
  if (/^multipart\/form-data/i.test(req.headers?.get('content-type') ?? '')) {
    return 'Das Feld „_payload“ des Formulars ist kein gültiges JSON.'
  }
  return null
}

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
