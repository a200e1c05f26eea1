/**
 * Runs the monorepo's TypeScript sources in a child process, as the test runner does (the
 * aliases of `vitest.config.ts`), so a spawned `serve-main.ts` never sees a stale `dist/`.
 * Passed to Node as `--import <SOURCE_LOADER_URL>`: module hooks that map the sources' `.js`
 * specifiers to `.ts` files, `@qfabric/<pkg>` to `packages/<pkg>/src/index.ts` (and
 * `@qfabric/core/<subpath>` to `packages/core/src/<subpath>/index.ts`), and compile TypeScript
 * on load (`stripTypeScriptTypes` in transform mode: core uses parameter properties).
 */
import { fileURLToPath } from 'node:url'

/** `packages/` of the monorepo, as a file URL ending in `/`. */
const PACKAGES = new URL('../../../', import.meta.url).href

const LOADER = `
import { registerHooks, stripTypeScriptTypes } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
const packages = ${JSON.stringify(PACKAGES)}
const emitWarning = process.emitWarning
process.emitWarning = function (warning, ...rest) {
  if (String(warning).includes('stripTypeScriptTypes')) return
  return emitWarning.call(process, warning, ...rest)
}
registerHooks({
  resolve(specifier, context, next) {
    const fromTs = context.parentURL !== undefined && context.parentURL.endsWith('.ts')
    if (fromTs && specifier.startsWith('.') && specifier.endsWith('.js')) {
      const url = new URL(specifier, context.parentURL)
      if (!existsSync(fileURLToPath(url))) return next(url.href.slice(0, -3) + '.ts', context)
    }
    const own = /^@qfabric\\/(core|sim|protocol|client|server)(?:\\/(.+))?$/.exec(specifier)
    if (fromTs && own !== null) {
      const sub = own[2] === undefined ? '' : own[2] + '/'
      return next(new URL(own[1] + '/src/' + sub + 'index.ts', packages).href, context)
    }
    return next(specifier, context)
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.ts')) {
      const code = readFileSync(fileURLToPath(url), 'utf8')
      const source = stripTypeScriptTypes(code, { mode: 'transform', sourceUrl: url })
      return { format: 'module', source, shortCircuit: true }
    }
    return next(url, context)
  },
})
`

/** The loader as a `data:` URL for Node's `--import`. */
export const SOURCE_LOADER_URL = `data:text/javascript,${encodeURIComponent(LOADER)}`

/** The `serve-main.ts` entry of the server sources (a file path). */
export const SERVE_MAIN_SOURCE = fileURLToPath(
  new URL('../../src/serve/serve-main.ts', import.meta.url),
)
