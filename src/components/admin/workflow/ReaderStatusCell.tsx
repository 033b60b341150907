import type { DefaultServerCellComponentProps } from 'payload'

/** The list column "Status": what readers see and what is pending (fields/readerStatus.ts). */
export function ReaderStatusCell({ cellData }: DefaultServerCellComponentProps) {
  if (typeof cellData !== 'string') return <span>–</span>
  return (
    <span className="newsroom-reader-status" data-online={cellData.startsWith('Online')}>
      {cellData}
    </span>
  )
}
