/**
 * Starting a worker thread from a module that sits beside the caller, whether the caller runs from
 * the built package (`<name>.js`) or from the monorepo's TypeScript sources (the test runner:
 * `<name>.ts`, through a bootstrap that compiles TypeScript on load — `stripTypeScriptTypes` in
 * transform mode, since `@qfabric/core` uses parameter properties — maps the sources' `.js`
 * specifiers to `.ts` files and `@qfabric/<pkg>[/<subpath>]` to the packages' sources).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type Transferable } from 'node:worker_threads'

const BOOTSTRAP = `
const { registerHooks, stripTypeScriptTypes } = require('node:module')
const { existsSync, readFileSync } = require('node:fs')
const { fileURLToPath } = require('node:url')
const { workerData } = require('node:worker_threads')
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
      return next(new URL(own[1] + '/src/' + sub + 'index.ts', workerData.qfabricPackages).href, context)
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
import(workerData.qfabricEntry)
`

/** Options of {@link startModuleWorker}. */
export interface ModuleWorkerOptions {
  /** The thread's `workerData` (from sources it also carries the bootstrap's two fields). */
  readonly workerData?: Readonly<Record<string, unknown>> | undefined
  /** Objects moved to the thread (message ports, buffers). */
  readonly transferList?: readonly Transferable[] | undefined
}

/**
 * Starts a worker thread running the module `name` beside `baseUrl`.
 *
 * @param baseUrl - the caller's `import.meta.url`
 * @param name - the module's file name without extension, e.g. `'worker-main'`
 * @param options - the thread's data and transfer list
 * @returns the thread
 * @example
 * ```ts
 * const worker = startModuleWorker(import.meta.url, 'job-worker-main')
 * ```
 */
export function startModuleWorker(
  baseUrl: string,
  name: string,
  options: ModuleWorkerOptions = {},
): Worker {
  const transferList = [...(options.transferList ?? [])]
  const js = new URL(`./${name}.js`, baseUrl)
  if (existsSync(fileURLToPath(js))) {
    return new Worker(js, { workerData: options.workerData, transferList })
  }
  // Only reached from the monorepo's sources, where every package sits in `packages/<pkg>/src`.
  const packageRoot = baseUrl.slice(0, baseUrl.lastIndexOf('/src/'))
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      ...options.workerData,
      qfabricEntry: new URL(`./${name}.ts`, baseUrl).href,
      qfabricPackages: new URL('../', `${packageRoot}/`).href,
    },
    transferList,
  })
}
