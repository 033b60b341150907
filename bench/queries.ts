/** The benchmark's GraphQL workloads, and the checks that their answers are right. */
export const Q1 = `query NewestArticles {
  Articles(where: { _status: { equals: published } }, sort: "-publishedAt", limit: 10) {
    docs {
      id title slug excerpt publishedAt
      heroImage { alt credit { author license provider } }
      sources { name }
    }
  }
}`

export const Q2 = `query ArticleBySlug($slug: String!) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) {
    docs {
      id title slug excerpt publishedAt content dateline
      heroImage { alt creditLine credit { author license provider } sizes { hero { url width } } }
      sources { name }
    }
  }
}`

/** The parts of a GraphQL answer the checks read; in a wrong answer anything may be missing. */
type ArticlesAnswer = {
  data?: {
    Articles?: {
      docs?: {
        title: string
        publishedAt: string
        content?: unknown
        heroImage?: {
          creditLine?: string | null
          credit?: { license?: string | null } | null
        } | null
        sources?: { name?: string | null }[] | null
      }[]
    } | null
  } | null
}

export function checkQ1(answer: ArticlesAnswer | undefined, titles: Set<string>) {
  const docs = answer?.data?.Articles?.docs
  if (!Array.isArray(docs) || docs.length !== 10)
    throw new Error(`Q1: expected 10 articles, got ${JSON.stringify(answer).slice(0, 300)}`)
  for (const [i, doc] of docs.entries()) {
    if (!titles.has(doc.title)) throw new Error(`Q1: unexpected title ${doc.title}`)
    if (!doc.heroImage?.credit?.license)
      throw new Error(`Q1: ${doc.title} has no hero image credit`)
    if (!doc.sources?.length || !doc.sources.every((source) => source.name))
      throw new Error(`Q1: ${doc.title} has no sources`)
    if (i > 0 && doc.publishedAt > docs[i - 1].publishedAt)
      throw new Error('Q1: not sorted by publishedAt')
  }
}

export function checkQ2(answer: ArticlesAnswer | undefined, title: string) {
  const doc = answer?.data?.Articles?.docs?.[0]
  if (doc?.title !== title)
    throw new Error(`Q2: expected ${title}, got ${JSON.stringify(answer).slice(0, 300)}`)
  if (JSON.stringify(doc.content).length < 2500) throw new Error('Q2: the body is missing or short')
  if (!doc.heroImage?.creditLine || !doc.sources?.length) throw new Error('Q2: relations missing')
}
