/**
 * Starts a job worker thread. From the built package the worker is `job-worker-main.js` beside
 * this file. From TypeScript sources (the test runner) it is `job-worker-main.ts`, started
 * through a bootstrap that compiles TypeScript on load (`stripTypeScriptTypes` in transform
 * mode: `@qfabric/core` uses parameter properties, which plain type stripping rejects), maps
 * the sources' `.js` specifiers to `.ts` files, and `@qfabric/core/<subpath>` to core's sources.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

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
    const core = /^@qfabric\\/core(?:\\/(.+))?$/.exec(specifier)
    if (fromTs && core !== null) {
      return next(new URL((core[1] === undefined ? '' : core[1] + '/') + 'index.ts', workerData.coreSrc).href, context)
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
 * A new job worker (referenced: the pool unreferences it while idle).
 *
 * @returns the worker
 */
export function spawnJobWorker(): Worker {
  const js = new URL('./job-worker-main.js', import.meta.url)
  if (existsSync(fileURLToPath(js))) return new Worker(js)
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      entry: new URL('./job-worker-main.ts', import.meta.url).href,
      // Only reached from the monorepo's sources, where core sits beside sim.
      coreSrc: new URL('../../../core/src/', import.meta.url).href,
    },
  })
}
