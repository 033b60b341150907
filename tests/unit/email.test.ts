import { describe, expect, it, vi } from 'vitest'

import { emailAdapter, logEmailAdapter } from '@/lib/email'

describe('email without SMTP', () => {
  it('is written to the log in full, not lost', async () => {
    const info = vi.fn()
    const adapter = logEmailAdapter({ payload: { logger: { info } } as any })
    await adapter.sendEmail({
      to: 'redaktion@example.org',
      subject: 'Zur Prüfung eingereicht: Titel',
      text: 'Ein Artikel wartet.',
    })
    expect(info).toHaveBeenCalledTimes(1)
    const [fields, message] = info.mock.calls[0]
    expect(fields.email).toEqual({
      to: 'redaktion@example.org',
      subject: 'Zur Prüfung eingereicht: Titel',
      text: 'Ein Artikel wartet.',
    })
    expect(message).toContain('no SMTP configured')
  })

  it('is the adapter chosen when SMTP_HOST is unset', () => {
    expect(emailAdapter({ NODE_ENV: 'test' } as NodeJS.ProcessEnv)).toBe(logEmailAdapter)
    expect(
      emailAdapter({ NODE_ENV: 'test', SMTP_HOST: 'smtp.example.org' } as NodeJS.ProcessEnv),
    ).not.toBe(logEmailAdapter)
  })
})
