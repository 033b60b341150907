import type { ExecutionArgs, ValidationRule } from 'graphql'
import type { PayloadRequest } from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { setReaderDeadline } from '@/hooks/requestDeadline'
import { emptyIdRule } from './emptyIdRule'
import { pageRangeRule } from './pageRangeRule'
import { queryBudgetRule, READER_QUERY_BUDGET, STAFF_QUERY_BUDGET } from './queryBudgetRule'
import { readerPageSizeRule } from './readerPageSizeRule'

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
