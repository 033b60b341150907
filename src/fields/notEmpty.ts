import { validations, type SelectFieldSingleValidation } from 'payload'

/**
 * For select fields that always have a value thanks to a default. Marking them `required`
 * would make API clients send them (GraphQL turns required fields into non-null inputs),
 * so emptiness is rejected here instead; everything else is Payload's own check, which also
 * refuses values that are not among the options.
 */
export const notEmpty: SelectFieldSingleValidation = (value, options) =>
  value === null || value === undefined || (value as unknown) === ''
    ? 'Dieses Feld darf nicht leer sein.'
    : validations.select(value, options)
