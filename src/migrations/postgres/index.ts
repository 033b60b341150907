import * as migration_20261204_153745_initial from './20261204_153745_initial'
import * as migration_20261204_165757_published_at_tz_original_photo_licences from './20261204_165757_published_at_tz_original_photo_licences'
import * as migration_20261204_170100_no_account_lockout from './20261204_170100_no_account_lockout'
import * as migration_20261204_185457_article_seo_meta from './20261204_185457_article_seo_meta'
import * as migration_20261204_192505_article_edited_by from './20261204_192505_article_edited_by'
import * as migration_20261204_222820_image_storage_fields from './20261204_222820_image_storage_fields'

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
  {
    up: migration_20261204_185457_article_seo_meta.up,
    down: migration_20261204_185457_article_seo_meta.down,
    name: '20261204_185457_article_seo_meta',
  },
  {
    up: migration_20261204_192505_article_edited_by.up,
    down: migration_20261204_192505_article_edited_by.down,
    name: '20261204_192505_article_edited_by',
  },
  {
    up: migration_20261204_222820_image_storage_fields.up,
    down: migration_20261204_222820_image_storage_fields.down,
    name: '20261204_222820_image_storage_fields',
  },
]
