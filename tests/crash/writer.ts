/**
 * Child process of tests/int/crash.test.ts: opens Payload on DATABASE_URI (its onInit runs the
 * start-up repair), reports what it finds, then saves and publishes articles in a loop until it
 * is killed, reporting each write only once Payload has acknowledged it. Protocol lines on
 * stdout start with `@@crash ` (Payload's own logging goes to the same stream).
 *
 * `CRASH_CHECK_ONLY=1`: report and exit.
 */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { paragraphsToLexical } from '@/lib/lexical'

const ARTICLES = ['Alpha', 'Beta', 'Gamma']
const system = { overrideAccess: true, depth: 0 } as const

const say = (kind: string, data: unknown) =>
  process.stdout.write(`@@crash ${kind} ${JSON.stringify(data)}\n`)
const numberOf = (title: string | null | undefined) =>
  Number(/Fassung (\d+)$/.exec(title ?? '')?.[1] ?? -1)

export type ArticleState = {
  id: string
  label: string
  latest: number
  newest: number
  published: number
}

async function report(payload: Payload): Promise<ArticleState[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    limit: 0,
    pagination: false,
    ...system,
  })
  const states: ArticleState[] = []
  for (const doc of docs) {
    const { docs: versions } = await payload.db.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: doc.id } }, { latest: { equals: true } }] },
      limit: 0,
      pagination: false,
    })
    const published = await payload.find({
      collection: 'articles',
      where: { and: [{ id: { equals: doc.id } }, { _status: { equals: 'published' } }] },
      draft: false,
      ...system,
    })
    states.push({
      id: String(doc.id),
      label: doc.title.replace(/ Fassung \d+$/, ''),
      latest: versions.length,
      newest: numberOf(doc.title),
      published: numberOf(published.docs[0]?.title),
    })
  }
  return states
}

const payload = await getPayload({ config })
const states = await report(payload)
say('state', states)
if (process.env.CRASH_CHECK_ONLY === '1') process.exit(0)

for (const label of ARTICLES) {
  if (states.some((state) => state.label === label)) continue
  const title = `${label} Fassung 0`
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title,
      content: paragraphsToLexical([`${label}: erster Absatz.`]) as never,
      _status: 'published',
    },
    ...system,
  })
  say('ack', { id: doc.id, n: 0, published: true })
  states.push({ id: String(doc.id), label, latest: 1, newest: 0, published: 0 })
}

// One writer per article, all at once: drafts, and every third write a publish.
await Promise.all(
  states.map(async (state) => {
    for (let n = Math.max(state.newest, state.published) + 1; ; n++) {
      const publish = n % 3 === 0
      const data = {
        title: `${state.label} Fassung ${n}`,
        content: paragraphsToLexical([`${state.label}: Absatz der Fassung ${n}.`]) as never,
        ...(publish ? { _status: 'published' as const } : {}),
      }
      await payload.update({
        collection: 'articles',
        id: state.id,
        data,
        draft: !publish,
        ...system,
      })
      say('ack', { id: state.id, n, published: publish })
    }
  }),
)
