import * as migration_20261122_165416_initial from './20261122_165416_initial'
import * as migration_20261122_184338_article_listing_index from './20261122_184338_article_listing_index'
import * as migration_20261204_162222_published_at_time_zone from './20261204_162222_published_at_time_zone'
import * as migration_20261204_162546_original_photo_and_free_licences from './20261204_162546_original_photo_and_free_licences'
import * as migration_20261204_170056_no_account_lockout from './20261204_170056_no_account_lockout'
import * as migration_20261204_185445_article_seo_meta from './20261204_185445_article_seo_meta'
import * as migration_20261204_192455_article_edited_by from './20261204_192455_article_edited_by'
import * as migration_20261204_222814_image_storage_fields from './20261204_222814_image_storage_fields'

export const migrations = [
  {
    up: migration_20261122_165416_initial.up,
    down: migration_20261122_165416_initial.down,
    name: '20261122_165416_initial',
  },
  {
    up: migration_20261122_184338_article_listing_index.up,
    down: migration_20261122_184338_article_listing_index.down,
    name: '20261122_184338_article_listing_index',
  },
  {
    up: migration_20261204_162222_published_at_time_zone.up,
    down: migration_20261204_162222_published_at_time_zone.down,
    name: '20261204_162222_published_at_time_zone',
  },
  {
    up: migration_20261204_162546_original_photo_and_free_licences.up,
    down: migration_20261204_162546_original_photo_and_free_licences.down,
    name: '20261204_162546_original_photo_and_free_licences',
  },
  {
    up: migration_20261204_170056_no_account_lockout.up,
    down: migration_20261204_170056_no_account_lockout.down,
    name: '20261204_170056_no_account_lockout',
  },
  {
    up: migration_20261204_185445_article_seo_meta.up,
    down: migration_20261204_185445_article_seo_meta.down,
    name: '20261204_185445_article_seo_meta',
  },
  {
    up: migration_20261204_192455_article_edited_by.up,
    down: migration_20261204_192455_article_edited_by.down,
    name: '20261204_192455_article_edited_by',
  },
  {
    up: migration_20261204_222814_image_storage_fields.up,
    down: migration_20261204_222814_image_storage_fields.down,
    name: '20261204_222814_image_storage_fields',
  },
]
