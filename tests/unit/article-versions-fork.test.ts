import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

/**
 * src/components/admin/ArticleVersions (index.tsx, client.tsx) is a fork of Payload's versions
 * list that adds the column "Von". These tests pin what it was last reviewed against. When one
 * fails after an update of Payload:
 *
 * 1. if `@payloadcms/next/views` (or `@payloadcms/ui`) now exports the versions view or its column
 *    builder, drop the fork and add the column through that export;
 * 2. otherwise diff the changed files against the version named below (npm pack the old version,
 *    or read the changelog) and carry every change into the fork: queries (where, sort, limit,
 *    select), columns and cells, status labels, pagination, the comparison drawer's date cell;
 * 3. update the version in the fork's doc comments and the hashes here.
 */
const modules = new URL('../../node_modules/', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, modules))
const sha256 = (path: string) => createHash('sha256').update(read(path)).digest('hex')
const views = '@payloadcms/next/dist/views/'

const REVIEWED = {
  version: '3.90.1',
  files: {
    'Versions/index.js': '58cf8f7968ced6f6a9dfaa7478123cf6fc64a5817b19e86cbbb76af3af24f549',
    'Versions/buildColumns.js': 'ba9d82b61c9d71d8cdd8a291ae1866ddc8bdeee851801d40ac95ccb3c60d3860',
    'Versions/index.client.js': 'f1b406d5a0627f95837b59679d1279ab76d9aa967a06be7b91f344fa6bcc3682',
    'Versions/cells/AutosaveCell/index.js':
      'ee1d5e1b522672d5becc5936f84fee12e3e28c7febecb45cf8a21ec41dc140ce',
    'Versions/cells/CreatedAt/index.js':
      'e6707049f0733fb4b59169c07bfb3c38bfec7793abdd184dbe61033d9f203ccf',
    'Versions/cells/ID/index.js':
      '5cb95178dc48e35587ee7de36af0f37a64768f1cb724c43fc2e297a86ad12164',
    'Version/VersionPillLabel/getVersionLabel.js':
      '20711cea0361f8c0bee5871c0c6498b4975b844a12afec3327489707164338ba',
    'Version/VersionPillLabel/VersionPillLabel.js':
      '8e5f59f71f63df793801f8263cfd1705b1a25301d4d0748c4eb514a8fcbcf99d',
    'Version/SelectComparison/VersionDrawer/CreatedAtCell.js':
      '8c9808ac7b1be06c97a18bee99ce587b295a6e80de5abdd06207837a220b7eaa',
    'Version/fetchVersions.js': '7d0c259a0ca116098930a91d47b2946eefeb63c59a464837fb342d2ac67cab35',
  },
}

describe('the versions list fork (src/components/admin/ArticleVersions)', () => {
  it('mirrors the reviewed version of Payload’s versions view', () => {
    const { version } = JSON.parse(read('@payloadcms/next/package.json').toString()) as {
      version: string
    }
    expect(version).toBe(REVIEWED.version)
    for (const [file, hash] of Object.entries(REVIEWED.files)) {
      expect(sha256(views + file), file).toBe(hash)
    }
  })

  it('is still needed: Payload exports no versions view or column builder', () => {
    for (const entry of ['views', 'client', 'rsc']) {
      const exports = read(`@payloadcms/next/dist/exports/${entry}.js`).toString()
      expect(exports, entry).not.toMatch(/Versions?View|buildVersionColumns|VersionPillLabel/)
    }
  })
})
