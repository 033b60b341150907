import * as migration_20261122_151512_initial from './20261122_151512_initial';

export const migrations = [
  {
    up: migration_20261122_151512_initial.up,
    down: migration_20261122_151512_initial.down,
    name: '20261122_151512_initial'
  },
];
