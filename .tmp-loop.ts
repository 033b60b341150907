import config from '@payload-config'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload } from 'payload'
import { Q1, Q2 } from './bench/queries'
const payload = await getPayload({ config })
const handler = GRAPHQL_POST(config)
const which = process.env.Q === '2' ? Q2 : Q1
const slug = (await payload.find({ collection: 'articles', limit: 1, sort: '-publishedAt', depth: 0 })).docs[0].slug
const run = async () => (await handler(new Request('http://x/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: which, variables: { slug } }) }))).text()
for (let i = 0; i < 20; i++) await run()
const n = Number(process.env.N ?? 200)
const t = performance.now()
for (let i = 0; i < n; i++) await run()
console.log(`Q${process.env.Q ?? 1}: ${((performance.now() - t) / n).toFixed(2)} ms/query sequential`)
process.exit(0)
