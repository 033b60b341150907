import {
  Kind,
  parse,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

import { cacheTags } from '../revalidate'

/**
 * What a kept answer depends on, as cache tags (the names of src/lib/revalidate.ts `cacheTags`),
 * so a change retires only the answers that show it. Pure functions of the request.
 *
 * Every answer depends on `site`: a change announced with `site` retires everything.
 */

const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** An answer with this tag is retired by every change, whatever its tags. */
export const ANY_CHANGE = '*'

/**
 * Tags of a site page, from its address. Each route of src/app/(frontend) reads:
 * - `/`, `/seite/<n>`, `/feed.xml`, `/sitemap.xml`: the article lists (`articles`);
 * - `/artikel/<slug>` (and its reply pages): that article, its previous/next links and its
 *   approved comments — all retired by `article:<slug>`, which the hooks move for the article,
 *   its neighbours and comment changes;
 * - `/quelle/<slug>` (and `/seite/<n>`): the source and the articles naming it (`source:<slug>`).
 * Images and source names appear on every page (`images`, `sources`). Any other path is
 * retired by every change (`ANY_CHANGE`).
 */
export function pageTags(url: string): string[] {
  const end = url.search(/[?#]/)
  const path = (end === -1 ? url : url.slice(0, end)).replace(/\/+$/, '') || '/'
  const shared = [cacheTags.site, cacheTags.images, cacheTags.sources]
  if (
    path === '/' ||
    /^\/seite\/[^/]+$/.test(path) ||
    path === '/feed.xml' ||
    path === '/sitemap.xml'
  ) {
    return [...shared, cacheTags.articles]
  }
  const article = /^\/artikel\/([^/]+)(\/antworten\/[^/]+)?$/.exec(path)
  const articleSlug = article && decode(article[1])
  if (articleSlug) return [...shared, cacheTags.article(articleSlug)]
  const source = /^\/quelle\/([^/]+)(\/seite\/[^/]+)?$/.exec(path)
  const sourceSlug = source && decode(source[1])
  if (sourceSlug) return [...shared, cacheTags.source(sourceSlug)]
  return [cacheTags.site, ANY_CHANGE]
}

const ARTICLE_TAGS = [cacheTags.articles, cacheTags.images, cacheTags.sources, cacheTags.users]

/**
 * Whether a selection below a comment may show its article (`article { … }`): a field named
 * `article` anywhere beneath, or a fragment whose content this pure function does not resolve.
 */
function mayShowArticle(selectionSet: SelectionSetNode | undefined): boolean {
  if (!selectionSet) return false
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return true
    if (selection.kind === Kind.INLINE_FRAGMENT) return mayShowArticle(selection.selectionSet)
    return selection.name.value === 'article' || mayShowArticle(selection.selectionSet)
  })
}

/**
 * What a top-level GraphQL field reads: the collection queries of `Articles` and `Comments`
 * (and their `count…`, `versions…`, `docAccess…` forms) are retired by changes of that
 * collection; articles embed images, sources and authors, so those count too; a comment that
 * shows its `article { … }` counts as reading articles; `Images`, `Sources`, `Users` likewise.
 * Any other top-level field (globals, `Access`, `me`, …) is retired by every change
 * (`ANY_CHANGE`).
 */
function fieldTags(field: FieldNode): string[] {
  const name = field.name.value
  if (name === '__typename') return []
  const collection = /^(?:count|versions|docAccess)?(Article|Comment|Image|Source|User)s?$/.exec(
    name,
  )?.[1]
  switch (collection) {
    case 'Article':
      return ARTICLE_TAGS
    case 'Comment':
      return mayShowArticle(field.selectionSet)
        ? [cacheTags.comments, ...ARTICLE_TAGS]
        : [cacheTags.comments]
    case 'Image':
      return [cacheTags.images]
    case 'Source':
      return [cacheTags.sources]
    case 'User':
      return [cacheTags.users]
    default:
      return [ANY_CHANGE]
  }
}

/**
 * For a GraphQL-over-HTTP body: `null` unless every operation is a query (mutations and
 * subscriptions are never kept); else the tags of the collections its top-level fields read
 * (always with `site`). A top-level fragment spread or an unknown field makes the answer retire
 * with every change (`ANY_CHANGE`) — coarse, never stale.
 */
export function graphqlQueryTags(body: string): string[] | null {
  let definitions
  try {
    const { query } = JSON.parse(body) as { query?: unknown }
    if (typeof query !== 'string') return null
    definitions = parse(query).definitions
  } catch {
    return null
  }
  const tags = new Set<string>([cacheTags.site])
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    if ((definition as OperationDefinitionNode).operation !== 'query') return null
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) tags.add(ANY_CHANGE)
      else for (const tag of fieldTags(selection)) tags.add(tag)
    }
  }
  return [...tags]
}

/** Whether a change of `changed` (`'all'`: everything) retires an answer with `tags`. */
export function touches(tags: readonly string[], changed: ReadonlySet<string> | 'all'): boolean {
  if (changed === 'all' || changed.has(cacheTags.site)) return true
  return tags.some((tag) => tag === ANY_CHANGE || changed.has(tag))
}
