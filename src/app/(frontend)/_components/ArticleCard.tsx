import type { ArticleCardFragment } from '@/site/gql/graphql'
import { articlePath } from '@/site/paths'
import { responsiveImage } from '@/site/images'
import { ArticleMeta } from './ArticleMeta'

// Cards are one column on phones, up to three beside each other on wide screens.
const CARD_SIZES = '(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw'

export function ArticleCard({
  article,
  eager = false,
}: {
  article: ArticleCardFragment
  eager?: boolean
}) {
  if (!article.slug) return null
  const image = article.heroImage
  const picture = image
    ? responsiveImage(image, [image.sizes?.thumbnail, image.sizes?.card], 768)
    : undefined
  return (
    <article className="card">
      {image && picture ? (
        <img
          className="card__image"
          src={picture.src}
          srcSet={picture.srcSet}
          sizes={picture.srcSet ? CARD_SIZES : undefined}
          width={picture.width}
          height={picture.height}
          alt={image.alt}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
        />
      ) : null}
      <div className="card__body">
        <h2 className="card__title">
          <a href={articlePath(article.slug)}>{article.title}</a>
        </h2>
        <ArticleMeta dateline={article.dateline} publishedAt={article.publishedAt} />
        {article.excerpt ? <p className="card__excerpt">{article.excerpt}</p> : null}
      </div>
    </article>
  )
}
