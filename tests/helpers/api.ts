import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { POST as graphqlHandler } from '@/app/(payload)/api/graphql/route'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

type RestOptions = {
  token?: string
  body?: unknown
  formData?: FormData
  headers?: Record<string, string>
}

const authHeaders = (token?: string): Record<string, string> =>
  token ? { Authorization: `JWT ${token}` } : {}

const readBody = async (response: Response) => {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Calls Payload's REST route handlers in-process with a real `Request`, as Next.js would. */
export async function rest<T = any>(
  method: keyof typeof handlers,
  pathAndQuery: string,
  { token, body, formData, headers = {} }: RestOptions = {},
): Promise<ApiResponse<T>> {
  const url = new URL(`http://localhost:3000/api/${pathAndQuery.replace(/^\//, '')}`)
  const request = new Request(url, {
    method,
    headers: {
      ...authHeaders(token),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: formData ?? (body !== undefined ? JSON.stringify(body) : undefined),
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  return { status: response.status, body: await readBody(response), headers: response.headers }
}

/** Posts a GraphQL document to Payload's GraphQL handler in-process. */
export async function graphql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): Promise<
  ApiResponse<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>
> {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeaders(token), ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const response = await graphqlHandler(request)
  return { status: response.status, body: await readBody(response), headers: response.headers }
}
