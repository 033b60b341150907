import { describe, expect, it, vi } from 'vitest'

import { ContentChanges } from '@/lib/responseCache/contentChanges'
import type { FeedHandlers } from '@/lib/responseCache/redisFeed'
import { ResponseStore } from '@/lib/responseCache/store'
import { ANY_CHANGE, graphqlQueryTags, pageTags, touches } from '@/lib/responseCache/tags'

const body = (query: string) => JSON.stringify({ query })

describe('page tags', () => {
  it('name what each route of the site shows', () => {
    expect(pageTags('/')).toEqual(['site', 'images', 'sources', 'articles'])
    expect(pageTags('/seite/3?x=1')).toContain('articles')
    expect(pageTags('/feed.xml')).toContain('articles')
    expect(pageTags('/sitemap.xml')).toContain('articles')
    expect(pageTags('/artikel/ein-titel')).toEqual([
      'site',
      'images',
      'sources',
      'article:ein-titel',
    ])
    expect(pageTags('/artikel/ein-titel/antworten/abc')).toContain('article:ein-titel')
    expect(pageTags('/artikel/ein-titel')).not.toContain('articles')
    expect(pageTags('/quelle/ap/seite/2')).toEqual(['site', 'images', 'sources', 'source:ap'])
  })

  it('any other path is retired by every change', () => {
    for (const path of ['/robots.txt', '/unbekannt', '/artikel/a/b/c', '/artikel/%E0%A4%A']) {
      expect(pageTags(path)).toContain(ANY_CHANGE)
      expect(touches(pageTags(path), new Set(['comments']))).toBe(true)
    }
  })
})

describe('GraphQL tags', () => {
  it('follow the collections of the top-level fields', () => {
    expect(graphqlQueryTags(body('{ Comments { docs { body } } }'))).toEqual(['site', 'comments'])
    expect(
      graphqlQueryTags(body('query { a: Articles { docs { id } } countArticles { totalDocs } }')),
    ).toEqual(['site', 'articles', 'images', 'sources', 'users'])
    expect(graphqlQueryTags(body('{ Source(id: "1") { name } __typename }'))).toEqual([
      'site',
      'sources',
    ])
  })

  it('comments that show their article count as reading articles', () => {
    const articleTags = ['articles', 'images', 'sources', 'users']
    for (const query of [
      '{ Comments { docs { body article { title } } } }',
      '{ Comment(id: "1") { parent { article { slug } } } }',
      '{ Comments { docs { ... on Comment { article { id } } } } }',
      '{ Comments { docs { ...C } } } fragment C on Comment { body }',
    ]) {
      const tags = graphqlQueryTags(body(query))!
      expect(tags, query).toEqual(['site', 'comments', ...articleTags])
      // An article's unpublish (announced with `articles`) retires such an answer.
      expect(touches(tags, new Set(['articles', 'article:x']))).toBe(true)
    }
    const plain = graphqlQueryTags(body('{ Comments { docs { body parent { body } } } }'))!
    expect(plain).toEqual(['site', 'comments'])
    expect(touches(plain, new Set(['articles', 'article:x']))).toBe(false)
  })

  it('unknown fields and top-level fragments make the answer retire with every change', () => {
    expect(graphqlQueryTags(body('{ Access { canAccessAdmin } }'))).toContain(ANY_CHANGE)
    expect(
      graphqlQueryTags(body('query { ...Q } fragment Q on Query { Comments { docs { id } } }')),
    ).toContain(ANY_CHANGE)
  })

  it('are null for anything but queries', () => {
    expect(graphqlQueryTags(body('mutation { logoutUser }'))).toBeNull()
    expect(
      graphqlQueryTags(body('query A { Articles { docs { id } } } mutation B { logoutUser }')),
    ).toBeNull()
    expect(graphqlQueryTags('{"query":')).toBeNull()
    expect(graphqlQueryTags(JSON.stringify({ query: 1 }))).toBeNull()
  })

  it('a comment change does not touch an answer that read only articles; site touches everything', () => {
    const articles = graphqlQueryTags(body('{ Articles { docs { id } } }'))!
    expect(touches(articles, new Set(['comments', 'comments:1', 'article:x']))).toBe(false)
    expect(touches(articles, new Set(['articles']))).toBe(true)
    expect(touches(articles, new Set(['site']))).toBe(true)
    expect(touches(articles, 'all')).toBe(true)
  })
})

describe('response store retiring by tags', () => {
  const entry = (tags: string[]) => ({
    version: 1,
    tags,
    headers: {},
    body: Buffer.alloc(10),
    expiresAt: Number.POSITIVE_INFINITY,
  })

  it('drops the entries a change touches and keeps the others', () => {
    const store = new ResponseStore(100_000, 10_000)
    store.useVersion(1)
    store.set('x', entry(['site', 'article:x']))
    store.set('y', entry(['site', 'article:y']))
    store.set('list', entry(['site', 'articles']))
    store.set('other', entry(['site', ANY_CHANGE]))
    store.retire(new Set(['article:x', 'comments']))
    expect(store.get('x', 1)).toBeUndefined()
    expect(store.get('other', 1)).toBeUndefined()
    expect(store.get('y', 1)).toBeDefined()
    expect(store.get('list', 1)).toBeDefined()
    store.retire(new Set(['site']))
    expect(store.size).toBe(0)
    expect(store.totalBytes).toBe(0)
  })
})

describe('content changes', () => {
  function withFeed() {
    let handlers!: FeedHandlers
    const retired: unknown[] = []
    const expired: unknown[] = []
    let token = 't0'
    const readVersion = vi.fn(async () => token)
    const changes = new ContentChanges({
      readVersion,
      retire: (changed) => retired.push(changed === 'all' ? 'all' : [...changed]),
      expire: async (changed) => void expired.push(changed === 'all' ? 'all' : [...changed]),
      feed: { start: (given) => void (handlers = given), close: async () => undefined },
      pollMs: 60_000,
    })
    return {
      changes,
      handlers: () => handlers,
      retired,
      expired,
      readVersion,
      setToken: (value: string) => (token = value),
    }
  }

  it('without a feed, every request reads the token and a new one retires everything', async () => {
    let token = 'a'
    const retired: unknown[] = []
    const changes = new ContentChanges({
      readVersion: async () => token,
      retire: (changed) => retired.push(changed),
      expire: async () => undefined,
    })
    const first = await changes.state()
    token = 'b'
    const second = await changes.state()
    expect(second.generation).toBe(first.generation + 1)
    expect(retired).toEqual(['all'])
    expect(changes.changedSince(first.seq)).toBe('all')
  })

  it('with a feed: no reads while live; a change retires its tags only; the log answers what changed since', async () => {
    const { changes, handlers, retired, expired, readVersion, setToken } = withFeed()
    handlers().connected()
    await vi.waitFor(() => expect(changes.isLive).toBe(true))
    const reads = readVersion.mock.calls.length
    const before = await changes.state()
    handlers().change({ token: 't1', tags: ['article:x', 'comments'] })
    handlers().change({ token: 't1', tags: ['article:x', 'comments'] }) // heard twice (locally and by Redis)
    const after = await changes.state()
    expect(after.generation).toBe(before.generation)
    expect(after.seq).toBe(before.seq + 1)
    expect(retired).toEqual([['article:x', 'comments']])
    expect(expired).toEqual([['article:x', 'comments']])
    expect([...(changes.changedSince(before.seq) as Set<string>)]).toEqual([
      'article:x',
      'comments',
    ])
    expect(readVersion.mock.calls.length).toBe(reads)
    // Disconnected: reads again; a token the feed announced retires nothing more.
    handlers().disconnected()
    setToken('t1')
    const offline = await changes.state()
    expect(offline.generation).toBe(before.generation)
    expect(readVersion.mock.calls.length).toBe(reads + 1)
    // One it did not announce retires everything.
    setToken('t2')
    expect((await changes.state()).generation).toBe(before.generation + 1)
    expect(retired.at(-1)).toBe('all')
  })
})
