/**
 * Starts the worker thread of a {@link WorkerThreadExecutor}. From the built package the thread
 * runs `worker-thread-main.js` beside this file. From TypeScript sources (the test runner) it
 * runs `worker-thread-main.ts` through a bootstrap that compiles TypeScript on load
 * (`stripTypeScriptTypes` in transform mode: `@qfabric/core` uses parameter properties), maps
 * the sources' `.js` specifiers to `.ts` files and `@qfabric/<pkg>[/<subpath>]` to the
 * monorepo's sources (as `test/scale-out/source-loader.ts` does for child processes).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type Transferable } from 'node:worker_threads'
import type { WorkerThreadData } from './worker-thread-protocol.js'

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
      return next(new URL(own[1] + '/src/' + sub + 'index.ts', workerData.packages).href, context)
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
import(workerData.entry)
`

/**
 * Starts the worker thread.
 *
 * @param data - what the thread starts from
 * @param transferList - the change channel's port, if any
 * @returns the thread
 */
export function spawnWorkerThread(
  data: WorkerThreadData,
  transferList: readonly Transferable[],
): Worker {
  const js = new URL('./worker-thread-main.js', import.meta.url)
  if (existsSync(fileURLToPath(js))) {
    return new Worker(js, { workerData: data, transferList: [...transferList] })
  }
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      ...data,
      entry: new URL('./worker-thread-main.ts', import.meta.url).href,
      // Only reached from the monorepo's sources, where the packages sit beside this one.
      packages: new URL('../../../', import.meta.url).href,
    },
    transferList: [...transferList],
  })
}
