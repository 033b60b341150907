/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CardImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n    }\n  }\n": typeof types.CardImageFragmentDoc,
    "\n  fragment HeroImage on Image {\n    id\n    alt\n    caption\n    creditLine\n    credit {\n      author\n      license\n      provider\n      sourceUrl\n    }\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n": typeof types.HeroImageFragmentDoc,
    "\n  fragment ShareImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n": typeof types.ShareImageFragmentDoc,
    "\n  fragment ArticleCard on Article {\n    id\n    slug\n    title\n    excerpt\n    dateline\n    publishedAt\n    heroImage {\n      ...CardImage\n    }\n  }\n": typeof types.ArticleCardFragmentDoc,
    "\n  fragment ArticleLink on Article {\n    id\n    slug\n    title\n    publishedAt\n  }\n": typeof types.ArticleLinkFragmentDoc,
    "\n  query ArticleList($where: Article_where!, $limit: Int!, $page: Int!) {\n    Articles(where: $where, limit: $limit, page: $page, sort: \"-publishedAt,-id\") {\n      docs {\n        ...ArticleCard\n      }\n      page\n      totalPages\n      totalDocs\n      hasPrevPage\n      hasNextPage\n    }\n  }\n": typeof types.ArticleListDocument,
    "\n  query Article($where: Article_where!, $draft: Boolean) {\n    Articles(where: $where, draft: $draft, limit: 1) {\n      docs {\n        id\n        slug\n        title\n        dateline\n        excerpt\n        language\n        publishedAt\n        byline\n        updatedAt\n        _status\n        commentsOpen\n        content(depth: 1)\n        heroImage {\n          ...HeroImage\n        }\n        meta {\n          title\n          description\n          image {\n            ...ShareImage\n          }\n        }\n        sources {\n          id\n          name\n          slug\n          url\n        }\n      }\n    }\n  }\n": typeof types.ArticleDocument,
    "\n  query AdjacentArticles($older: Article_where!, $newer: Article_where!, $same: Article_where!) {\n    older: Articles(where: $older, sort: \"-publishedAt,-id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    newer: Articles(where: $newer, sort: \"publishedAt,id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    same: Articles(where: $same, sort: \"-id\", limit: 100) {\n      docs {\n        ...ArticleLink\n      }\n    }\n  }\n": typeof types.AdjacentArticlesDocument,
    "\n  query ArticleComments($where: Comment_where!, $limit: Int!) {\n    Comments(where: $where, sort: \"createdAt\", limit: $limit) {\n      docs {\n        id\n        authorName\n        body\n        byStaff\n        level\n        createdAt\n        parent {\n          id\n        }\n      }\n      totalDocs\n    }\n  }\n": typeof types.ArticleCommentsDocument,
    "\n  mutation CreateComment($data: mutationCommentInput!) {\n    createComment(data: $data) {\n      id\n      status\n    }\n  }\n": typeof types.CreateCommentDocument,
    "\n  query Source($slug: String!) {\n    Sources(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        url\n        kind\n      }\n    }\n  }\n": typeof types.SourceDocument,
    "\n  query Sitemap($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        slug\n        publishedAt\n        updatedAt\n      }\n    }\n    Sources(sort: \"name\", limit: $limit) {\n      docs {\n        slug\n        updatedAt\n      }\n    }\n  }\n": typeof types.SitemapDocument,
    "\n  query Feed($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        id\n        slug\n        title\n        excerpt\n        dateline\n        publishedAt\n        updatedAt\n        sources {\n          name\n        }\n      }\n    }\n  }\n": typeof types.FeedDocument,
};
const documents: Documents = {
    "\n  fragment CardImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n    }\n  }\n": types.CardImageFragmentDoc,
    "\n  fragment HeroImage on Image {\n    id\n    alt\n    caption\n    creditLine\n    credit {\n      author\n      license\n      provider\n      sourceUrl\n    }\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n": types.HeroImageFragmentDoc,
    "\n  fragment ShareImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n": types.ShareImageFragmentDoc,
    "\n  fragment ArticleCard on Article {\n    id\n    slug\n    title\n    excerpt\n    dateline\n    publishedAt\n    heroImage {\n      ...CardImage\n    }\n  }\n": types.ArticleCardFragmentDoc,
    "\n  fragment ArticleLink on Article {\n    id\n    slug\n    title\n    publishedAt\n  }\n": types.ArticleLinkFragmentDoc,
    "\n  query ArticleList($where: Article_where!, $limit: Int!, $page: Int!) {\n    Articles(where: $where, limit: $limit, page: $page, sort: \"-publishedAt,-id\") {\n      docs {\n        ...ArticleCard\n      }\n      page\n      totalPages\n      totalDocs\n      hasPrevPage\n      hasNextPage\n    }\n  }\n": types.ArticleListDocument,
    "\n  query Article($where: Article_where!, $draft: Boolean) {\n    Articles(where: $where, draft: $draft, limit: 1) {\n      docs {\n        id\n        slug\n        title\n        dateline\n        excerpt\n        language\n        publishedAt\n        byline\n        updatedAt\n        _status\n        commentsOpen\n        content(depth: 1)\n        heroImage {\n          ...HeroImage\n        }\n        meta {\n          title\n          description\n          image {\n            ...ShareImage\n          }\n        }\n        sources {\n          id\n          name\n          slug\n          url\n        }\n      }\n    }\n  }\n": types.ArticleDocument,
    "\n  query AdjacentArticles($older: Article_where!, $newer: Article_where!, $same: Article_where!) {\n    older: Articles(where: $older, sort: \"-publishedAt,-id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    newer: Articles(where: $newer, sort: \"publishedAt,id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    same: Articles(where: $same, sort: \"-id\", limit: 100) {\n      docs {\n        ...ArticleLink\n      }\n    }\n  }\n": types.AdjacentArticlesDocument,
    "\n  query ArticleComments($where: Comment_where!, $limit: Int!) {\n    Comments(where: $where, sort: \"createdAt\", limit: $limit) {\n      docs {\n        id\n        authorName\n        body\n        byStaff\n        level\n        createdAt\n        parent {\n          id\n        }\n      }\n      totalDocs\n    }\n  }\n": types.ArticleCommentsDocument,
    "\n  mutation CreateComment($data: mutationCommentInput!) {\n    createComment(data: $data) {\n      id\n      status\n    }\n  }\n": types.CreateCommentDocument,
    "\n  query Source($slug: String!) {\n    Sources(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        url\n        kind\n      }\n    }\n  }\n": types.SourceDocument,
    "\n  query Sitemap($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        slug\n        publishedAt\n        updatedAt\n      }\n    }\n    Sources(sort: \"name\", limit: $limit) {\n      docs {\n        slug\n        updatedAt\n      }\n    }\n  }\n": types.SitemapDocument,
    "\n  query Feed($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        id\n        slug\n        title\n        excerpt\n        dateline\n        publishedAt\n        updatedAt\n        sources {\n          name\n        }\n      }\n    }\n  }\n": types.FeedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CardImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n    }\n  }\n"): typeof import('./graphql').CardImageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HeroImage on Image {\n    id\n    alt\n    caption\n    creditLine\n    credit {\n      author\n      license\n      provider\n      sourceUrl\n    }\n    url\n    width\n    height\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n"): typeof import('./graphql').HeroImageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShareImage on Image {\n    id\n    alt\n    url\n    width\n    height\n    sizes {\n      og {\n        url\n        width\n        height\n      }\n    }\n  }\n"): typeof import('./graphql').ShareImageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArticleCard on Article {\n    id\n    slug\n    title\n    excerpt\n    dateline\n    publishedAt\n    heroImage {\n      ...CardImage\n    }\n  }\n"): typeof import('./graphql').ArticleCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArticleLink on Article {\n    id\n    slug\n    title\n    publishedAt\n  }\n"): typeof import('./graphql').ArticleLinkFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleList($where: Article_where!, $limit: Int!, $page: Int!) {\n    Articles(where: $where, limit: $limit, page: $page, sort: \"-publishedAt,-id\") {\n      docs {\n        ...ArticleCard\n      }\n      page\n      totalPages\n      totalDocs\n      hasPrevPage\n      hasNextPage\n    }\n  }\n"): typeof import('./graphql').ArticleListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Article($where: Article_where!, $draft: Boolean) {\n    Articles(where: $where, draft: $draft, limit: 1) {\n      docs {\n        id\n        slug\n        title\n        dateline\n        excerpt\n        language\n        publishedAt\n        byline\n        updatedAt\n        _status\n        commentsOpen\n        content(depth: 1)\n        heroImage {\n          ...HeroImage\n        }\n        meta {\n          title\n          description\n          image {\n            ...ShareImage\n          }\n        }\n        sources {\n          id\n          name\n          slug\n          url\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdjacentArticles($older: Article_where!, $newer: Article_where!, $same: Article_where!) {\n    older: Articles(where: $older, sort: \"-publishedAt,-id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    newer: Articles(where: $newer, sort: \"publishedAt,id\", limit: 1) {\n      docs {\n        ...ArticleLink\n      }\n    }\n    same: Articles(where: $same, sort: \"-id\", limit: 100) {\n      docs {\n        ...ArticleLink\n      }\n    }\n  }\n"): typeof import('./graphql').AdjacentArticlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleComments($where: Comment_where!, $limit: Int!) {\n    Comments(where: $where, sort: \"createdAt\", limit: $limit) {\n      docs {\n        id\n        authorName\n        body\n        byStaff\n        level\n        createdAt\n        parent {\n          id\n        }\n      }\n      totalDocs\n    }\n  }\n"): typeof import('./graphql').ArticleCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComment($data: mutationCommentInput!) {\n    createComment(data: $data) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreateCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Source($slug: String!) {\n    Sources(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        url\n        kind\n      }\n    }\n  }\n"): typeof import('./graphql').SourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sitemap($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        slug\n        publishedAt\n        updatedAt\n      }\n    }\n    Sources(sort: \"name\", limit: $limit) {\n      docs {\n        slug\n        updatedAt\n      }\n    }\n  }\n"): typeof import('./graphql').SitemapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed($where: Article_where!, $limit: Int!) {\n    Articles(where: $where, sort: \"-publishedAt,-id\", limit: $limit) {\n      docs {\n        id\n        slug\n        title\n        excerpt\n        dateline\n        publishedAt\n        updatedAt\n        sources {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FeedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
