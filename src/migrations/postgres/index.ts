import * as migration_20261204_153745_initial from './20261204_153745_initial';
import * as migration_20261204_165757_published_at_tz_original_photo_licences from './20261204_165757_published_at_tz_original_photo_licences';

export const migrations = [
  {
    up: migration_20261204_153745_initial.up,
    down: migration_20261204_153745_initial.down,
    name: '20261204_153745_initial',
  },
  {
    up: migration_20261204_165757_published_at_tz_original_photo_licences.up,
    down: migration_20261204_165757_published_at_tz_original_photo_licences.down,
    name: '20261204_165757_published_at_tz_original_photo_licences'
  },
];
