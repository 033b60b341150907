import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The public site is a GraphQL client like any outside front end: page code and the data layer
 * never reach for Payload's Local API. This follows every runtime import of those files into the
 * project (`@/…` and relative), so a helper that calls `getPayload` is caught too. Type-only
 * imports (generated types) are fine: they vanish at build time.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SITE_DIRS = ['src/app/(frontend)', 'src/site']
const FORBIDDEN_MODULES = [/^payload(\/|$)/, /^@payload-config$/, /(^|\/)payload\.config(\.ts)?$/]

function listSourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return listSourceFiles(full)
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

type RuntimeImport = { specifier: string; names: string[] }

/** Imports and re-exports that survive compilation, with the names they bring in. */
function runtimeImports(fileName: string, code: string): RuntimeImport[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true)
  const found: RuntimeImport[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      if (!clause) {
        found.push({ specifier: node.moduleSpecifier.text, names: [] }) // side-effect import
      } else if (!clause.isTypeOnly) {
        const names: string[] = []
        if (clause.name) names.push('default')
        const bindings = clause.namedBindings
        if (bindings && ts.isNamespaceImport(bindings)) names.push('*')
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text)
          }
        }
        const onlyTypes =
          names.length === 0 &&
          !!bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0
        if (!onlyTypes) found.push({ specifier: node.moduleSpecifier.text, names })
      }
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      found.push({ specifier: node.moduleSpecifier.text, names: ['*'] })
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require'
      if (isDynamicImport || isRequire)
        found.push({ specifier: (node.arguments[0] as ts.StringLiteral).text, names: ['*'] })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** A project file an import points to, or undefined for packages. */
function resolveProjectFile(specifier: string, from: string): string | undefined {
  let base: string
  if (specifier.startsWith('@/')) base = path.join(ROOT, 'src', specifier.slice(2))
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier)
  else return undefined
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile())
}

type Violation = { file: string; via: string[]; problem: string }

function findViolations(entries: string[]): Violation[] {
  const violations: Violation[] = []
  const seen = new Set<string>()
  const queue = entries.map((file) => ({ file, via: [] as string[] }))
  while (queue.length > 0) {
    const { file, via } = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const code = fs.readFileSync(file, 'utf8')
    const relative = path.relative(ROOT, file)
    if (/\bgetPayload\s*\(/.test(code))
      violations.push({ file: relative, via, problem: 'calls getPayload()' })
    for (const { specifier, names } of runtimeImports(file, code)) {
      if (FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier))) {
        violations.push({
          file: relative,
          via,
          problem: `imports '${specifier}' at run time (${names.join(', ') || 'side effect'})`,
        })
      }
      if (names.includes('getPayload'))
        violations.push({ file: relative, via, problem: `imports getPayload from '${specifier}'` })
      const next = resolveProjectFile(specifier, file)
      if (next && !seen.has(next)) queue.push({ file: next, via: [...via, relative] })
    }
  }
  return violations
}

describe('the public site reads through GraphQL only', () => {
  const entries = SITE_DIRS.flatMap((dir) => listSourceFiles(path.join(ROOT, dir)))

  it('finds the site files', () => {
    expect(entries.length).toBeGreaterThan(10)
    expect(entries.map((file) => path.relative(ROOT, file))).toContain(
      path.join('src', 'site', 'client.ts'),
    )
  })

  it('never imports the Local API, the Payload config or `payload` at run time', () => {
    expect(findViolations(entries)).toEqual([])
  })

  it('tells type-only imports from runtime imports', () => {
    const code = [
      "import type { Payload } from 'payload'",
      "import { type Where } from 'payload'",
      "import { getPayload } from 'payload'",
      "import config from '@payload-config'",
      "export { x } from './y'",
      "const lazy = await import('payload')",
    ].join('\n')
    expect(runtimeImports('x.ts', code)).toEqual([
      { specifier: 'payload', names: ['getPayload'] },
      { specifier: '@payload-config', names: ['default'] },
      { specifier: './y', names: ['*'] },
      { specifier: 'payload', names: ['*'] },
    ])
  })

  it('would catch a helper that uses the Local API', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-check-'))
    try {
      const helper = path.join(dir, 'helper.ts')
      const page = path.join(dir, 'page.tsx')
      fs.writeFileSync(
        helper,
        "import { getPayload } from 'payload'\nexport const load = () => getPayload({} as never)\n",
      )
      fs.writeFileSync(
        page,
        "import { load } from './helper'\nexport default function Page() { load(); return null }\n",
      )
      const problems = findViolations([page]).map((violation) => violation.problem)
      expect(problems).toContain("imports 'payload' at run time (getPayload)")
      expect(problems).toContain('calls getPayload()')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
