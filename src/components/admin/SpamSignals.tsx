'use client'
import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import type { DefaultCellComponentProps, TextFieldClientProps } from 'payload'

import { describeSignals } from '@/comments/signalLabels'

/** Spam signals in the comments list: words, not `fast:3515ms`. */
export function SpamSignalsCell({ cellData }: DefaultCellComponentProps) {
  return <span>{describeSignals(typeof cellData === 'string' ? cellData : null) || '–'}</span>
}

/** The same in the comment's sidebar (read-only: only the server writes signals). */
export function SpamSignalsField({ field, path }: TextFieldClientProps) {
  const { value } = useField<string>({ path })
  return (
    <div className="field-type text read-only">
      <FieldLabel label={field.label} path={path} />
      <p>{describeSignals(value) || 'Keine'}</p>
      {field.admin?.description ? (
        <FieldDescription description={field.admin.description} path={path} />
      ) : null}
    </div>
  )
}
