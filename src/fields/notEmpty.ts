/**
 * For select fields that always have a value thanks to a default. Marking them `required`
 * would make API clients send them (GraphQL turns required fields into non-null inputs),
 * so emptiness is rejected here instead.
 */
export const notEmpty = (value: unknown): string | true =>
  value === null || value === undefined || value === '' ? 'Dieses Feld darf nicht leer sein.' : true
