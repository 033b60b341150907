import * as migration_20261122_165416_initial from './20261122_165416_initial';
import * as migration_20261122_184338_article_listing_index from './20261122_184338_article_listing_index';

export const migrations = [
  {
    up: migration_20261122_165416_initial.up,
    down: migration_20261122_165416_initial.down,
    name: '20261122_165416_initial',
  },
  {
    up: migration_20261122_184338_article_listing_index.up,
    down: migration_20261122_184338_article_listing_index.down,
    name: '20261122_184338_article_listing_index'
  },
];
