import type { ExecutionArgs, ValidationRule } from 'graphql'
import type { PayloadRequest } from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { setReaderDeadline } from '@/hooks/requestDeadline'
import { emptyIdRule } from './emptyIdRule'
import { pageRangeRule } from './pageRangeRule'
import { queryBudgetRule, READER_QUERY_BUDGET, STAFF_QUERY_BUDGET } from './queryBudgetRule'
import { readerPageSizeRule } from './readerPageSizeRule'

/** Variables longer than this (as JSON) are not worth a kept validation result. */
const MAX_VARIANT_LENGTH = 2_048

/**
 * What the validation rules of a request read besides its document — Payload's complexity rule
 * the variables, ours (below) the variables and whether the user is newsroom staff — as one
 * string: src/lib/graphql/handler.ts keeps a document's validation result by it. `null` (no
 * keeping) for long variables. A rule that reads anything else must be added here.
 */
export function validationVariant(args: ExecutionArgs): string | null {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  const variables = JSON.stringify(args.variableValues ?? {})
  if (variables.length > MAX_VARIANT_LENGTH) return null
  return `${isNewsroomUser(req?.user) ? 'staff' : 'reader'}:${variables}`
}

/**
 * This project's GraphQL validation rules, for `graphQL.validationRules` in payload.config.ts.
 * Payload runs them after its own (query complexity) for every request; graphql-http passes the
 * request's ExecutionArgs, whose `contextValue` is `{ headers, req }` (Payload's GraphQL handler,
 * @payloadcms/next/dist/routes/graphql/handler.js, and src/lib/graphql/handler.ts alike).
 *
 * - no empty `id` arguments (Payload answers some of them with a 500);
 * - no page that starts past GraphQL's 32-bit `Int` (`pagingCounter`: 500 otherwise);
 * - a budget of list queries and fields per document, smaller for readers than for staff;
 * - readers' page sizes (src/lib/readerPageSize.ts), as with REST;
 * - and, for readers, a deadline for the request's database operations.
 */
export function graphqlValidationRules(args: ExecutionArgs): ValidationRule[] {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  const staff = isNewsroomUser(req?.user)
  // Not a rule: the one per-request step before execution that config offers. Readers' requests
  // get a deadline that every collection operation checks (src/hooks/requestDeadline.ts).
  if (req && !staff) setReaderDeadline(req)
  return [
    // Readers' page size first: its message is the one a reader needs.
    ...(staff ? [] : [readerPageSizeRule(args.variableValues)]),
    pageRangeRule(args.variableValues),
    emptyIdRule(args.variableValues),
    queryBudgetRule(staff ? STAFF_QUERY_BUDGET : READER_QUERY_BUDGET, args.variableValues),
  ]
}
