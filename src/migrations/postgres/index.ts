import * as migration_20261204_153745_initial from './20261204_153745_initial'
import * as migration_20261204_165757_published_at_tz_original_photo_licences from './20261204_165757_published_at_tz_original_photo_licences'
import * as migration_20261204_170100_no_account_lockout from './20261204_170100_no_account_lockout'

export const migrations = [
  {
    up: migration_20261204_153745_initial.up,
    down: migration_20261204_153745_initial.down,
    name: '20261204_153745_initial',
  },
  {
    up: migration_20261204_165757_published_at_tz_original_photo_licences.up,
    down: migration_20261204_165757_published_at_tz_original_photo_licences.down,
    name: '20261204_165757_published_at_tz_original_photo_licences',
  },
  {
    up: migration_20261204_170100_no_account_lockout.up,
    down: migration_20261204_170100_no_account_lockout.down,
    name: '20261204_170100_no_account_lockout',
  },
]
