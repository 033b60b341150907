import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

const fromAddress = () => process.env.EMAIL_FROM_ADDRESS || 'redaktion@newsroom.local'
const fromName = () => process.env.EMAIL_FROM_NAME || 'Newsroom'

const asText = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '')

/** Without SMTP, every message is written to the log in full, so nothing is lost. */
export const logEmailAdapter: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: fromAddress(),
  defaultFromName: fromName(),
  sendEmail: async (message: SendEmailOptions) => {
    payload.logger.info(
      { email: { to: asText(message.to), subject: message.subject, text: message.text } },
      `[email not sent: no SMTP configured] to ${asText(message.to)}: ${message.subject}`,
    )
    return { logged: true }
  },
})

/** SMTP through nodemailer when `SMTP_HOST` is set, otherwise the log adapter. */
export function emailAdapter(env: NodeJS.ProcessEnv = process.env): EmailAdapter {
  if (!env.SMTP_HOST) return logEmailAdapter
  const port = Number(env.SMTP_PORT || 587)
  return nodemailerAdapter({
    defaultFromAddress: fromAddress(),
    defaultFromName: fromName(),
    skipVerify: env.SMTP_SKIP_VERIFY === 'true',
    transportOptions: {
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    },
  }) as unknown as EmailAdapter
}
