import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { wellFormedId } from '@/lib/relationId'
import { comparesIds, fieldAt, whereInputError } from '@/lib/whereInput'

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
  { name: 'authors', type: 'relationship', relationTo: 'images', hasMany: true },
  { name: 'notes', type: 'array', flattenedFields: [{ name: 'id', type: 'text' }] },
] as FlattenedField[]
const fieldsOf = (slug: string) => (slug === 'images' ? images : undefined)
const validId = wellFormedId({ name: 'postgres', idType: 'uuid' })
const check = (where: unknown) => whereInputError(where, fields, fieldsOf, validId)
const UUID = '0b5f4f38-6f1e-4c55-9f64-0d5f0a3c1e2b'

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
      { id: { in: [UUID, UUID.toUpperCase()] }, heroImage: { not_in: `${UUID},${UUID}` } },
      { id: { equals: null }, heroImage: { equals: 'null' }, 'heroImage.id': { not_equals: UUID } },
      { authors: { contains: UUID }, id: { exists: false }, 'notes.id': { not_like: 'row' } },
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
    expect(check({ AND: [null] })).toMatch(/Jede Bedingung in „AND“ muss ein Objekt sein/)
    expect(check({ or: [{ title: { equals: 'x' } }, null] })).toMatch(/„or“ muss ein Objekt/)
    expect(check({ and: 'x' })).toMatch(/„and“ muss ein Objekt/)
    expect(check({ publishedAt: { like: '2020-01-01' } })).toMatch(
      /„like“ gilt nicht für das Datumsfeld „publishedAt“/,
    )
    expect(check({ 'meta.since': { contains: '2020' } })).toMatch(/gilt nicht für das Datumsfeld/)
    expect(check({ title: { all: ['x'] } })).toMatch(
      /„all“ gilt nur für Felder mit mehreren Werten/,
    )
    expect(check({ unknownField: { all: ['x'] } })).toMatch(/„all“ gilt nur/)
  })

  it('refuses what a uuid column cannot compare (PostgreSQL: 500)', () => {
    expect(check({ id: { not_in: ['title'] } })).toMatch(
      /Der Wert „title“ für „id“ \(not_in\) ist keine gültige ID/,
    )
    expect(check({ id: { in: `${UUID},x` } })).toMatch(/„x“ für „id“ \(in\)/)
    expect(check({ heroImage: { in: 'title' } })).toMatch(/„heroImage“ \(in\) ist keine gültige/)
    expect(check({ 'heroImage.id': { in: ['x'] } })).toMatch(/keine gültige ID/)
    expect(check({ authors: { in: [UUID, 5] } })).toMatch(/„5“ für „authors“ \(in\)/)
    expect(check({ heroImage: { in: `${UUID},null` } })).toMatch(/„null“ für „heroImage“ \(in\)/)
    expect(check({ or: [{ id: { equals: UUID } }, { id: { not_in: [null] } }] })).toMatch(
      /keine gültige ID/,
    )
    expect(check({ authors: { all: [UUID] } })).toMatch(/„all“ gilt nicht für IDs/)
    expect(check({ heroImage: { contains: UUID } })).toMatch(/„contains“ gilt nicht für IDs/)
    expect(check({ 'heroImage.id': { not_like: '%' } })).toMatch(/„not_like“ gilt nicht für IDs/)
    // Without an ID shape (the default), any scalar passes.
    expect(whereInputError({ id: { in: ['x'] } }, fields, fieldsOf)).toBeNull()
  })

  it('leaves single values to Payload, which reads a non-ID there as "no value"', () => {
    // Payload's admin asks `id not_equals ''` for "all documents" and searches `id like …`.
    for (const where of [
      { id: { not_equals: '' } },
      { id: { equals: 'title' } },
      { id: { like: 'abc' } },
      { heroImage: { equals: 'x' } },
      { authors: { contains: 'x' } },
      { id: { greater_than: 'x' } },
    ])
      expect(check(where), JSON.stringify(where)).toBeNull()
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

describe('comparesIds', () => {
  it('names own IDs, related IDs and single-collection relationships, not array rows', () => {
    for (const path of ['id', 'heroImage.id', 'heroImage', 'authors'])
      expect(comparesIds(fields, path, fieldsOf), path).toBe(true)
    for (const path of ['notes.id', 'parent', 'title', 'heroImage.alt'])
      expect(comparesIds(fields, path, fieldsOf), path).toBe(false)
  })
})

describe('wellFormedId', () => {
  it('knows the shapes of UUIDs, ObjectIds and serial numbers', () => {
    expect(wellFormedId({ idType: 'uuid' })(UUID)).toBe(true)
    expect(wellFormedId({ idType: 'uuid' })('title')).toBe(false)
    expect(wellFormedId({ name: 'mongoose' })('65a1f0c2b3d4e5f6a7b8c9d0')).toBe(true)
    expect(wellFormedId({ name: 'mongoose' })(UUID)).toBe(false)
    expect(wellFormedId({ idType: 'serial' })('42')).toBe(true)
    expect(wellFormedId({ idType: 'serial' })('4x')).toBe(false)
    expect(wellFormedId({ idType: 'text' })('anything')).toBe(true)
  })
})
