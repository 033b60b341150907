import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm start` as the benchmark and the end-to-end server run it, read from package.json, so
 * both run the server exactly as it is deployed: the environment it sets (`NAME=value` before
 * `node`) and node's arguments (flags, the entry). Extra node flags go before the entry.
 *
 * @param {string} root the project folder
 * @param {string[]} extraNodeFlags e.g. `--cpu-prof`
 * @returns {{ env: Record<string, string>, args: string[] }}
 */
export function npmStartCommand(root = '.', extraNodeFlags = []) {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const words = scripts.start.split(/\s+/).filter(Boolean)
  const node = words.indexOf('node')
  if (node < 0) throw new Error(`package.json's start script does not run node: ${scripts.start}`)
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=', 2)))
  const args = words.slice(node + 1)
  return { env, args: [...args.slice(0, -1), ...extraNodeFlags, ...args.slice(-1)] }
}
