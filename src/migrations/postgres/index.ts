import * as migration_20261204_153745_initial from './20261204_153745_initial';

export const migrations = [
  {
    up: migration_20261204_153745_initial.up,
    down: migration_20261204_153745_initial.down,
    name: '20261204_153745_initial'
  },
];
