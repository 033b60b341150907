import type { HeroImageFragment } from '@/site/gql/graphql'
import { licenseFromGraphQL, responsiveImage } from '@/site/images'

// The article column is at most 46rem wide.
const HERO_SIZES = '(min-width: 48rem) 46rem, 100vw'

/**
 * The credit line exactly as stored (`Elionas2 (CC0), Pixabay`), with the licence label linked
 * to the licence's official page and the provider to the picture's source, where known.
 */
function CreditLine({ image }: { image: Pick<HeroImageFragment, 'creditLine' | 'credit'> }) {
  const line = image.creditLine?.trim()
  if (!line) return null
  const license = licenseFromGraphQL(image.credit?.license)
  const provider = image.credit?.provider?.trim()
  const sourceUrl = safeHttpUrl(image.credit?.sourceUrl)
  const marker = license ? `(${license.label})` : undefined
  const at = marker ? line.indexOf(marker) : -1

  const withProvider = (text: string, key: string) => {
    const index = provider && sourceUrl ? text.lastIndexOf(provider) : -1
    if (index < 0) return <span key={key}>{text}</span>
    return (
      <span key={key}>
        {text.slice(0, index)}
        <a href={sourceUrl}>{provider}</a>
        {text.slice(index + provider!.length)}
      </span>
    )
  }

  if (license?.url && at >= 0) {
    return (
      <span className="credit">
        {line.slice(0, at)}(
        <a href={license.url} rel="license">
          {license.label}
        </a>
        ){withProvider(line.slice(at + marker!.length), 'rest')}
      </span>
    )
  }
  return (
    <span className="credit">
      {withProvider(line, 'line')}
      {license?.url ? (
        <>
          {' '}
          · Lizenz:{' '}
          <a href={license.url} rel="license">
            {license.label}
          </a>
        </>
      ) : null}
    </span>
  )
}

export function HeroFigure({ image }: { image: HeroImageFragment }) {
  const picture = responsiveImage(image, [
    image.sizes?.thumbnail,
    image.sizes?.card,
    image.sizes?.hero,
  ])
  if (!picture) return null
  return (
    <figure className="hero">
      <img
        src={picture.src}
        srcSet={picture.srcSet}
        sizes={picture.srcSet ? HERO_SIZES : undefined}
        width={picture.width}
        height={picture.height}
        alt={image.alt}
        fetchPriority="high"
        decoding="async"
      />
      {image.caption || image.creditLine ? (
        <figcaption>
          {image.caption ? <span className="caption">{image.caption} </span> : null}
          {image.creditLine ? (
            <span className="credit-wrap">
              Bild: <CreditLine image={image} />
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  )
}

export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}
