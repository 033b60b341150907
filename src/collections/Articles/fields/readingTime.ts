import type { UIField } from 'payload'

/**
 * Word count and reading time of the body, for editors in the sidebar (a UI field: no column,
 * not in the API). Counted by src/lib/readingTime.ts in the browser.
 */
export const readingTimeField: UIField = {
  name: 'readingTime',
  type: 'ui',
  label: { de: 'Umfang', en: 'Length' },
  admin: {
    position: 'sidebar',
    components: { Field: '@/components/admin/ReadingTime#ReadingTime' },
  },
}
