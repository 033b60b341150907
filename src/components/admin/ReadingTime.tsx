'use client'
import { FieldLabel, useFormFields, useTranslation } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useMemo } from 'react'

import { formatReadingStats, readingStats, WORDS_PER_MINUTE } from '@/lib/readingTime'

/**
 * Word count and reading time of the article's body as the editor types (sidebar of the
 * article edit view). Counted in the browser from the form's `content`; nothing is stored.
 */
export const ReadingTime: UIFieldClientComponent = ({ field }) => {
  const { i18n } = useTranslation()
  const content = useFormFields(([fields]) => fields.content?.value)
  const stats = useMemo(() => readingStats(content), [content])
  const de = i18n.language !== 'en'
  return (
    <div className="field-type reading-time" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel as="span" label={field.label} />
      <p className="reading-time__value" data-testid="reading-time" style={{ margin: 0 }}>
        {formatReadingStats(stats, i18n.language)}
      </p>
      <p className="field-description" style={{ margin: 0 }}>
        {de
          ? `Gezählt im Text; Lesezeit bei ${WORDS_PER_MINUTE} Wörtern pro Minute.`
          : `Counted in the body; reading time at ${WORDS_PER_MINUTE} words per minute.`}
      </p>
    </div>
  )
}
