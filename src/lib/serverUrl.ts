/**
 * Where the newsroom reaches this app (links in e-mails to the admin): the configured public
 * URL (`NEXT_PUBLIC_SERVER_URL`), else this server on the port it runs on.
 */
export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.NEXT_PUBLIC_SERVER_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`
  return url.replace(/\/+$/, '')
}
