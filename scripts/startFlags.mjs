import fs from 'node:fs'
import path from 'node:path'

/**
 * The Node.js flags of `npm start` (the heap limit) from package.json, so the benchmark and the
 * end-to-end server run the server exactly as it is deployed.
 *
 * @param {string} root the project folder
 * @returns {string[]}
 */
export function npmStartNodeFlags(root = '.') {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  return scripts.start.split(' ').filter((part) => part.startsWith('--'))
}
