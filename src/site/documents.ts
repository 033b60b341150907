/**
 * Every GraphQL document the public site sends. Only fields readers may see are selected: no
 * drafts' internals, editorial notes, workflow fields, import keys, users or commenter emails.
 * `npm run generate:graphql` checks them against the schema and types them (src/site/gql/).
 */
import { graphql } from './gql'

export const CardImageFragment = graphql(`
  fragment CardImage on Image {
    id
    alt
    url
    width
    height
    sizes {
      thumbnail {
        url
        width
        height
      }
      card {
        url
        width
        height
      }
    }
  }
`)

export const HeroImageFragment = graphql(`
  fragment HeroImage on Image {
    id
    alt
    caption
    creditLine
    credit {
      author
      license
      provider
      sourceUrl
    }
    url
    width
    height
    sizes {
      thumbnail {
        url
        width
        height
      }
      card {
        url
        width
        height
      }
      hero {
        url
        width
        height
      }
      og {
        url
        width
        height
      }
    }
  }
`)

/** An editor's sharing image (SEO): only what the page's Open Graph tags need. */
export const ShareImageFragment = graphql(`
  fragment ShareImage on Image {
    id
    alt
    url
    width
    height
    sizes {
      og {
        url
        width
        height
      }
    }
  }
`)

export const ArticleCardFragment = graphql(`
  fragment ArticleCard on Article {
    id
    slug
    title
    excerpt
    dateline
    publishedAt
    heroImage {
      ...CardImage
    }
  }
`)

export const ArticleLinkFragment = graphql(`
  fragment ArticleLink on Article {
    id
    slug
    title
    publishedAt
  }
`)

/** A page of published articles, newest first; ties on the date are broken by id, always the same way. */
export const ArticleListQuery = graphql(`
  query ArticleList($where: Article_where!, $limit: Int!, $page: Int!) {
    Articles(where: $where, limit: $limit, page: $page, sort: "-publishedAt,-id") {
      docs {
        ...ArticleCard
      }
      page
      totalPages
      totalDocs
      hasPrevPage
      hasNextPage
    }
  }
`)

/** One article by slug; `draft` (with an editor's token) returns its newest draft in preview. */
export const ArticleQuery = graphql(`
  query Article($where: Article_where!, $draft: Boolean) {
    Articles(where: $where, draft: $draft, limit: 1) {
      docs {
        id
        slug
        title
        dateline
        excerpt
        language
        publishedAt
        byline
        updatedAt
        _status
        commentsOpen
        content(depth: 1)
        heroImage {
          ...HeroImage
        }
        meta {
          title
          description
          image {
            ...ShareImage
          }
        }
        sources {
          id
          name
          slug
          url
        }
      }
    }
  }
`)

/**
 * The neighbours of an article in the home page's order (`-publishedAt,-id`): the nearest older
 * and newer article, plus those published at the very same moment (ties are ordered by id).
 */
export const AdjacentArticlesQuery = graphql(`
  query AdjacentArticles($older: Article_where!, $newer: Article_where!, $same: Article_where!) {
    older: Articles(where: $older, sort: "-publishedAt,-id", limit: 1) {
      docs {
        ...ArticleLink
      }
    }
    newer: Articles(where: $newer, sort: "publishedAt,id", limit: 1) {
      docs {
        ...ArticleLink
      }
    }
    same: Articles(where: $same, sort: "-id", limit: 100) {
      docs {
        ...ArticleLink
      }
    }
  }
`)

/** Approved comments of one article, oldest first; never the email address. */
export const ArticleCommentsQuery = graphql(`
  query ArticleComments($where: Comment_where!, $limit: Int!) {
    Comments(where: $where, sort: "createdAt", limit: $limit) {
      docs {
        id
        authorName
        body
        byStaff
        level
        createdAt
        parent {
          id
        }
      }
      totalDocs
    }
  }
`)

/**
 * A reader's comment, as the site's comment form sends it (anonymously, like any API client).
 * The server decides the status; `pending` and `spam` look the same to the reader.
 */
export const CreateCommentMutation = graphql(`
  mutation CreateComment($data: mutationCommentInput!) {
    createComment(data: $data) {
      id
      status
    }
  }
`)

export const SourceQuery = graphql(`
  query Source($slug: String!) {
    Sources(where: { slug: { equals: $slug } }, limit: 1) {
      docs {
        id
        name
        slug
        url
        kind
      }
    }
  }
`)

/** Everything the sitemap lists: published articles and the sources. */
export const SitemapQuery = graphql(`
  query Sitemap($where: Article_where!, $limit: Int!) {
    Articles(where: $where, sort: "-publishedAt,-id", limit: $limit) {
      docs {
        slug
        publishedAt
        updatedAt
      }
    }
    Sources(sort: "name", limit: $limit) {
      docs {
        slug
        updatedAt
      }
    }
  }
`)

/** The newest published articles for the feed. */
export const FeedQuery = graphql(`
  query Feed($where: Article_where!, $limit: Int!) {
    Articles(where: $where, sort: "-publishedAt,-id", limit: $limit) {
      docs {
        id
        slug
        title
        excerpt
        dateline
        publishedAt
        updatedAt
        sources {
          name
        }
      }
    }
  }
`)
