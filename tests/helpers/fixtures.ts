import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { paragraphsToLexical } from '@/lib/lexical'

export const PASSWORD = 'correct-horse-battery-staple'

export type Newsroom = Record<
  'admin' | 'editor' | 'author' | 'otherAuthor',
  User & { token: string }
>

export async function createNewsroom(payload: Payload): Promise<Newsroom> {
  const people = [
    ['admin', 'admin@newsroom.test', 'Ada Admin', 'admin'],
    ['editor', 'editor@newsroom.test', 'Emil Editor', 'editor'],
    ['author', 'author@newsroom.test', 'Anna Autorin', 'author'],
    ['otherAuthor', 'other@newsroom.test', 'Otto Autor', 'author'],
  ] as const
  const newsroom = {} as Newsroom
  for (const [key, email, name, role] of people) {
    const user = await payload.create({
      collection: 'users',
      data: { email, name, role, password: PASSWORD },
    })
    const { token } = await payload.login({
      collection: 'users',
      data: { email, password: PASSWORD },
    })
    newsroom[key] = { ...user, token: token! }
  }
  return newsroom
}

export const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs) as any

export function articleData(overrides: Record<string, unknown> = {}): any {
  return {
    title: 'Testartikel über Größe',
    content: lexical('Erster Absatz des Artikels.', 'Zweiter Absatz.'),
    ...overrides,
  }
}
