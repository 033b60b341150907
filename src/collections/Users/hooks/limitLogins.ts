import {
  AuthenticationError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { accountKey, dummyPasswordCheck, loginLimiter } from '@/access/loginLimit'
import { rateLimitSubject, requestClientIp } from '@/lib/http/clientAddress'
import { Refusal } from '@/lib/refusal'
import { derivedSecret } from '@/lib/secret'

/**
 * Every login (admin, REST, GraphQL, Local API) meets the limits of src/access/loginLimit.ts
 * here, before Payload looks at the password. Unknown e-mail addresses and accounts over their
 * limit get Payload's own wrong-credentials error after a password check of the same cost, so
 * neither the answer nor its timing tells whether an account exists or is held back.
 */
type LoginContext = { subject: string; account: string | null }

const waitText = (seconds: number) =>
  seconds < 90 ? `${seconds} Sekunden` : `${Math.ceil(seconds / 60)} Minuten`

function setResponseHeader(req: PayloadRequest, name: string, value: string) {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set(name, value)
}

export const limitLogins: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const limiter = loginLimiter()
  const subject = rateLimitSubject(requestClientIp(req.headers))

  const fromAddress = await limiter.attemptFromAddress(subject)
  if (!fromAddress.allowed) {
    setResponseHeader(req, 'Retry-After', String(fromAddress.retryAfterSeconds))
    throw new Refusal(
      'Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse. ' +
        `Bitte versuchen Sie es in ${waitText(fromAddress.retryAfterSeconds)} erneut.`,
      429,
      { retryAfter: fromAddress.retryAfterSeconds },
    )
  }

  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : ''
  const context: LoginContext = { subject, account: null }
  req.context.loginLimit = context
  // Payload answers a missing e-mail or password with its own 400.
  if (!email || typeof data.password !== 'string' || !data.password.trim()) return args

  const user = await req.payload.db.findOne<{ id: string; role?: string | null }>({
    collection: 'users',
    where: { email: { equals: email } },
    select: { role: true },
    req,
  })
  if (user?.role !== 'admin') {
    context.account = accountKey(email, derivedSecret('login-limit'))
    const withinLimit = await limiter.attemptOnAccount(context.account)
    if (!withinLimit || !user) {
      await dummyPasswordCheck(data.password)
      throw new AuthenticationError(req.t)
    }
  }
  return args
}

export const loginSucceeded: CollectionAfterLoginHook = async ({ req }) => {
  const context = req.context.loginLimit as LoginContext | undefined
  if (context) await loginLimiter().succeeded(context.subject, context.account)
}
