import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { fieldAt, whereInputError } from '@/lib/whereInput'

const images = [
  { name: 'alt', type: 'text' },
  { name: 'createdAt', type: 'date' },
] as FlattenedField[]
const fields = [
  { name: 'title', type: 'text' },
  { name: 'tags', type: 'text', hasMany: true },
  { name: 'publishedAt', type: 'date' },
  { name: 'location', type: 'point' },
  { name: 'heroImage', type: 'upload', relationTo: 'images' },
  { name: 'parent', type: 'relationship', relationTo: ['articles', 'images'] },
  { name: 'meta', type: 'group', flattenedFields: [{ name: 'since', type: 'date' }] },
] as FlattenedField[]
const fieldsOf = (slug: string) => (slug === 'images' ? images : undefined)
const check = (where: unknown) => whereInputError(where, fields, fieldsOf)

describe('whereInputError', () => {
  it('accepts what Payload can run', () => {
    for (const where of [
      undefined,
      {},
      { title: { equals: 'x' }, publishedAt: { greater_than: '2020-01-01' } },
      { publishedAt: { in: '2020-01-01,2021-02-03T04:05:06Z' } },
      { publishedAt: { less_than: new Date() } },
      { title: { in: ['a', 'b'] }, heroImage: { exists: 'true' } },
      { or: [{ title: { like: 'x' } }, { and: [{ 'heroImage.createdAt': { greater_than: 0 } }] }] },
      { location: { near: '1,2,100' } },
      { tags: { all: ['a', 'b'] } },
      { parent: { equals: { relationTo: 'images', value: 'a' } } },
      { unknownField: { equals: 'left to Payload' } },
    ]) {
      expect(check(where), JSON.stringify(where)).toBeNull()
    }
  })

  it('refuses what the database adapter cannot bind, with a message', () => {
    expect(check({ publishedAt: { greater_than: 'notadate' } })).toMatch(
      /„publishedAt“ \(greater_than\) ist kein gültiges Datum/,
    )
    expect(check({ 'meta.since': { equals: 'bald' } })).toMatch(/kein gültiges Datum/)
    expect(check({ 'heroImage.createdAt': { less_than: 'x' } })).toMatch(/kein gültiges Datum/)
    expect(check({ publishedAt: { in: '2020-01-01,kaputt' } })).toMatch(/kein gültiges Datum/)
    expect(check({ title: { equals: [[['x']]] } })).toMatch(/einzelner Wert/)
    expect(check({ title: { in: [['x']] } })).toMatch(/einzelner Wert/)
    expect(check({ title: { equals: { a: 'x' } } })).toMatch(/einzelner Wert/)
    expect(check({ title: { near: '1,2' } })).toMatch(/„near“ gilt nur für Geo-Felder/)
    expect(check({ title: { within: 'x' } })).toMatch(/Geo-Felder/)
    expect(check({ title: 'x' })).toMatch(/braucht einen Operator/)
    expect(check({ title: { gleich: 'x' } })).toMatch(/Unbekannter Operator „gleich“/)
    expect(check({ or: [{ and: [{ publishedAt: { equals: 'x' } }] }] })).toMatch(
      /kein gültiges Datum/,
    )
    expect(check('title')).toMatch(/ungültig aufgebaut/)
    expect(check({ publishedAt: { like: '2020-01-01' } })).toMatch(
      /„like“ gilt nicht für das Datumsfeld „publishedAt“/,
    )
    expect(check({ 'meta.since': { contains: '2020' } })).toMatch(/gilt nicht für das Datumsfeld/)
    expect(check({ title: { all: ['x'] } })).toMatch(
      /„all“ gilt nur für Felder mit mehreren Werten/,
    )
    expect(check({ unknownField: { all: ['x'] } })).toMatch(/„all“ gilt nur/)
  })

  it('bounds the nesting of and/or', () => {
    let where: unknown = { title: { equals: 'x' } }
    for (let i = 0; i < 50; i++) where = { and: [where] }
    expect(check(where)).toMatch(/ungültig aufgebaut/)
  })
})

describe('fieldAt', () => {
  it('follows groups and single-collection relationships', () => {
    expect(fieldAt(fields, 'meta.since', fieldsOf)?.type).toBe('date')
    expect(fieldAt(fields, 'heroImage.alt', fieldsOf)?.type).toBe('text')
    expect(fieldAt(fields, 'parent.title', fieldsOf)).toBeUndefined()
    expect(fieldAt(fields, 'title.x', fieldsOf)).toBeUndefined()
  })
})
