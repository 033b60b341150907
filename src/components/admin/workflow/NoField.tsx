/**
 * Renders nothing in the edit view for a field the admin shows elsewhere: the review state is
 * changed by the workflow actions and shown by the status line, not by a bare dropdown. The
 * field stays in the form, the list columns and the filters.
 */
export function NoField() {
  return null
}
