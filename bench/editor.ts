/**
 * W1's writers: readers' comments waiting for moderation, and an editor who publishes changes
 * and approves those comments on a fixed schedule while the readers' load runs.
 */

/** How the editor reaches the server: its address, a fetch that retries once, the admin token. */
export type Server = {
  base: string
  http: (url: string, init?: RequestInit) => Promise<Response>
  auth: Record<string, string>
}

export type EditorReport = {
  publishes: number
  approvals: number
  failed: string[]
  p50Ms: number
  maxMs: number
}

/**
 * From the moment it starts, publishes a change of one of `articles` (in turn: the title with
 * `_status: 'published'`) every `publishEvery` seconds and approves `approveRate` of the
 * `pending` comments a second, each on its own schedule (a slow answer does not delay the next
 * write), until stopped; `stop()` waits for the writes in flight.
 */
export function startEditor(
  server: Server,
  articles: Array<{ id: string; title: string }>,
  pending: string[],
  { publishEvery, approveRate }: { publishEvery: number; approveRate: number },
) {
  const latencies: number[] = []
  const failed: string[] = []
  const inFlight = new Set<Promise<void>>()
  let publishes = 0
  let approvals = 0
  const write = (what: string, url: string, body: unknown) => {
    const started = performance.now()
    const headers = { 'Content-Type': 'application/json', ...server.auth }
    const done: Promise<void> = server
      .http(url, { method: 'PATCH', headers, body: JSON.stringify(body) })
      .then(
        async (response) => {
          if (response.ok) latencies.push(performance.now() - started)
          else failed.push(`${what}: ${response.status} ${(await response.text()).slice(0, 300)}`)
        },
        (error: Error) => void failed.push(`${what}: ${error.message}`),
      )
      .finally(() => inFlight.delete(done))
    inFlight.add(done)
  }
  const publish = () => {
    const article = articles[publishes++ % articles.length]
    const data = { title: `${article.title} (Stand ${publishes})`, _status: 'published' }
    write('publish', `${server.base}/api/articles/${article.id}`, data)
  }
  const approve = () => {
    const id = pending.shift()
    if (!id) return void failed.push('approve: no pending comment left')
    approvals++
    write('approve', `${server.base}/api/comments/${id}`, { status: 'approved' })
  }
  publish()
  approve()
  const timers = [
    setInterval(publish, publishEvery * 1000),
    setInterval(approve, 1000 / approveRate),
  ]
  return {
    async stop(): Promise<EditorReport> {
      timers.forEach(clearInterval)
      while (inFlight.size) await Promise.all(inFlight)
      latencies.sort((a, b) => a - b)
      const p50Ms = Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0)
      return { publishes, approvals, failed, p50Ms, maxMs: Math.round(latencies.at(-1) ?? 0) }
    },
  }
}

/**
 * Posts `count` comments as anonymous readers, in turn on `articleIds`, and checks with the
 * admin token that all of them wait for moderation; returns their ids. `tag` keeps the
 * authors' emails of one run apart from another's.
 */
export async function postPendingComments(
  server: Server,
  articleIds: string[],
  count: number,
  tag: string,
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const body = {
      article: articleIds[i % articleIds.length],
      authorName: `Leserin ${i + 1}`,
      authorEmail: `leserin-${tag}-${i + 1}@example.com`,
      body: `Ein Kommentar zum Artikel, Nummer ${i + 1}, der auf die Freigabe wartet.`,
    }
    const headers = { 'Content-Type': 'application/json' }
    const response = await server.http(`${server.base}/api/comments`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    })
    if (response.status !== 201)
      throw new Error(`W1: posting a comment answered ${response.status}: ${await response.text()}`)
    ids.push((await response.json()).doc.id)
  }
  const query = `where[status][equals]=pending&where[id][in]=${ids.join(',')}&limit=0&depth=0`
  const pending = await (
    await server.http(`${server.base}/api/comments?${query}`, { headers: server.auth })
  ).json()
  if (pending.totalDocs !== count)
    throw new Error(`W1: ${pending.totalDocs} of ${count} posted comments are pending`)
  return ids
}
