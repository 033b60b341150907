import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { DEFAULT_CONTENT_DIR, parseCliArgs, UsageError } from '../../src/seed/cli'

describe('seed command line', () => {
  it('imports the seed content as published by default', () => {
    expect(parseCliArgs([])).toEqual({
      dir: path.resolve(DEFAULT_CONTENT_DIR),
      status: 'published',
      dryRun: false,
      help: false,
    })
  })

  it('reads --dir, --status and --dry-run', () => {
    expect(parseCliArgs(['--dir', 'some/folder', '--status', 'draft', '--dry-run'])).toEqual({
      dir: path.resolve('some/folder'),
      status: 'draft',
      dryRun: true,
      help: false,
    })
    expect(parseCliArgs(['--dir=/abs/folder']).dir).toBe(path.resolve('/abs/folder'))
  })

  it.each([
    [['--status', 'live'], /--status must be "draft" or "published"/],
    [['--force'], /Unknown option '--force'/],
    [['content'], /positional/i],
    [['--dir'], /argument missing/i],
    [['--dir', ''], /--dir needs a folder/],
  ])('refuses %j with a usage error', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError)
    expect(() => parseCliArgs(args)).toThrow(message)
  })
})
