'use client'
import { FieldDiffContainer, getHTMLDiffComponents, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, FieldDiffClientProps } from 'payload'

/** A checkbox in admin lists as "Ja"/"Nein" (Payload shows a code-styled "wahr"/"falsch"). */
export function YesNoCell({ cellData }: DefaultCellComponentProps) {
  const { t } = useTranslation()
  if (typeof cellData !== 'boolean') return <span>–</span>
  return <span>{cellData ? t('general:yes') : t('general:no')}</span>
}

/** A checkbox in the version comparison as "Ja"/"Nein" (Payload shows `true`/`false`). */
export function YesNoDiff({
  comparisonValue,
  versionValue,
  field,
  locale,
  nestingLevel,
}: FieldDiffClientProps) {
  const { i18n, t } = useTranslation()
  const words = (value: unknown) =>
    `<p>${typeof value === 'boolean' ? (value ? t('general:yes') : t('general:no')) : ''}</p>`
  const { From, To } = getHTMLDiffComponents({
    fromHTML: words(comparisonValue),
    toHTML: words(versionValue),
    tokenizeByCharacter: false,
  })
  const label = 'label' in field ? field.label : undefined
  return (
    <FieldDiffContainer
      className="yes-no-diff"
      From={From}
      i18n={i18n}
      label={{ label, locale }}
      nestingLevel={nestingLevel}
      To={To}
    />
  )
}
