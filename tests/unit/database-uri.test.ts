import { describe, expect, it } from 'vitest'

import {
  DEFAULT_SQLITE_URL,
  parseDatabaseUri,
  parsePoolMax,
  parseReadReplicas,
} from '@/lib/databaseUri'

const thrownBy = (fn: () => unknown): Error => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    return error as Error
  }
  throw new Error('expected the call to throw')
}

describe('parseDatabaseUri', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(DEFAULT_SQLITE_URL).toBe('file:./data/cms.db')
  })

  it.each([[undefined], [''], ['   '], ['\n\t ']])('uses the SQLite default for %j', (uri) => {
    expect(parseDatabaseUri(uri)).toStrictEqual({
      kind: 'sqlite',
      url: 'file:./data/cms.db',
      filePath: './data/cms.db',
    })
  })

  it.each([
    ['file:./x.db', './x.db'],
    ['file:x.db', 'x.db'],
    ['file:/abs/x.db', '/abs/x.db'],
    ['file:///abs/x.db', '/abs/x.db'],
    ['file:./data/cms.db', './data/cms.db'],
    ['file:/tmp/newsroom-test-abc/test.db', '/tmp/newsroom-test-abc/test.db'],
  ])('reads %j as SQLite with file path %j', (uri, filePath) => {
    expect(parseDatabaseUri(uri)).toStrictEqual({ kind: 'sqlite', url: uri, filePath })
  })

  it('trims surrounding whitespace from a file: URL', () => {
    expect(parseDatabaseUri('  file:./x.db \n')).toStrictEqual({
      kind: 'sqlite',
      url: 'file:./x.db',
      filePath: './x.db',
    })
  })

  it.each([['file::memory:'], ['file::memory:?cache=shared']])(
    'reads %j as in-memory SQLite without a file path',
    (uri) => {
      const target = parseDatabaseUri(uri)
      expect(target).toStrictEqual({ kind: 'sqlite', url: uri, filePath: undefined })
      expect(target.kind === 'sqlite' && target.filePath).toBeUndefined()
    },
  )

  it('has no file path for a bare "file:"', () => {
    expect(parseDatabaseUri('file:')).toStrictEqual({
      kind: 'sqlite',
      url: 'file:',
      filePath: undefined,
    })
  })

  it.each([
    ['mongodb://localhost:27017/newsroom'],
    ['mongodb://user:secret@db.example.com:27017/newsroom?authSource=admin'],
    ['mongodb+srv://user:secret@cluster0.abcde.mongodb.net/newsroom?retryWrites=true'],
  ])('reads %j as MongoDB and keeps the URI unchanged', (uri) => {
    expect(parseDatabaseUri(uri)).toStrictEqual({ kind: 'mongodb', url: uri })
  })

  it('trims a MongoDB URI', () => {
    expect(parseDatabaseUri(' mongodb://localhost/newsroom ')).toStrictEqual({
      kind: 'mongodb',
      url: 'mongodb://localhost/newsroom',
    })
  })

  it.each([
    ['postgres://localhost/newsroom'],
    ['postgresql://user@localhost:5432/newsroom'],
    ['postgres://admin:secret@db.example.com:5432/newsroom?sslmode=require'],
  ])('reads %j as PostgreSQL and keeps the URI unchanged', (uri) => {
    expect(parseDatabaseUri(uri)).toStrictEqual({ kind: 'postgres', url: uri })
  })

  it('trims a PostgreSQL URI', () => {
    expect(parseDatabaseUri(' postgres://localhost/newsroom\n')).toStrictEqual({
      kind: 'postgres',
      url: 'postgres://localhost/newsroom',
    })
  })

  it.each([
    ['mysql://'],
    ['POSTGRES://localhost/newsroom'],
    ['postgres:/localhost'],
    ['pg://localhost/newsroom'],
    ['cms.db'],
    ['./data/cms.db'],
    ['sqlite:./data/cms.db'],
    ['MONGODB://localhost/newsroom'],
    ['mongodb:/localhost'],
    ['http://localhost:27017'],
  ])('rejects %j with an error naming DATABASE_URI', (uri) => {
    const error = thrownBy(() => parseDatabaseUri(uri))
    expect(error.message).toContain('DATABASE_URI')
    expect(error.message).toContain('file:')
    expect(error.message).toContain('mongodb://')
    expect(error.message).toContain('postgres://')
  })

  it('echoes a credential-free value so the mistake can be spotted', () => {
    expect(thrownBy(() => parseDatabaseUri('cms.db')).message).toContain('got "cms.db"')
    expect(thrownBy(() => parseDatabaseUri('mysql://')).message).toContain('got "mysql://"')
  })

  it.each([
    ['redis://user:secret@host', 'redis://***@host'],
    [
      'postgresx://admin:secret@db.example.com:5432/newsroom',
      'postgresx://***@db.example.com:5432/newsroom',
    ],
    ['mysql://root:secret@localhost/newsroom', 'mysql://***@localhost/newsroom'],
    [
      'MONGODB://user:secret@cluster.example.net/newsroom',
      'MONGODB://***@cluster.example.net/newsroom',
    ],
    ['amqp://:secret@host', 'amqp://***@host'],
  ])('does not leak the password of %j', (uri, redacted) => {
    const error = thrownBy(() => parseDatabaseUri(uri))
    expect(error.message).not.toContain('secret')
    expect(error.message).toContain('DATABASE_URI')
    expect(error.message).toContain(`got "${redacted}"`)
  })

  it('does not leak a password that contains an unencoded "@"', () => {
    // People paste passwords like "p@ssw0rd" without percent-encoding them; the userinfo then
    // runs to the LAST "@" before the host, and none of it may appear in the message.
    const error = thrownBy(() => parseDatabaseUri('mysql://admin:p@ssw0rd@db.example.com/newsroom'))
    expect(error.message).not.toContain('ssw0rd')
    expect(error.message).toContain('got "mysql://***@db.example.com/newsroom"')
  })
})

describe('parseReadReplicas (DATABASE_READ_REPLICAS)', () => {
  it.each([[undefined], [''], [' , ,']])('has no replicas for %j', (value) => {
    expect(parseReadReplicas(value)).toBeUndefined()
  })

  it('splits a comma-separated list and trims each URI', () => {
    expect(parseReadReplicas(' postgres://r1/newsroom, postgresql://u@r2:5433/newsroom ,')).toEqual(
      ['postgres://r1/newsroom', 'postgresql://u@r2:5433/newsroom'],
    )
  })

  it('rejects a URI that is not PostgreSQL, without its password', () => {
    const error = thrownBy(() => parseReadReplicas('postgres://r1/n,mysql://u:secret@r2/n'))
    expect(error.message).toContain('DATABASE_READ_REPLICAS')
    expect(error.message).toContain('got "mysql://***@r2/n"')
    expect(error.message).not.toContain('secret')
  })
})

describe('parsePoolMax (DATABASE_POOL_MAX)', () => {
  it.each([[undefined], [''], ['  ']])('leaves the pool size to pg for %j', (value) => {
    expect(parsePoolMax(value)).toBeUndefined()
  })

  it.each([
    ['1', 1],
    ['20', 20],
    [' 8 ', 8],
  ])('reads %j as %i', (value, max) => {
    expect(parsePoolMax(value)).toBe(max)
  })

  it.each([['0'], ['-3'], ['2.5'], ['ten'], ['10x']])(
    'rejects %j with a message naming the variable',
    (value) => {
      expect(thrownBy(() => parsePoolMax(value)).message).toContain('DATABASE_POOL_MAX')
    },
  )
})
