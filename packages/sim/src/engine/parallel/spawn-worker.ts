/**
 * Starts a statevector worker thread. From the built package the worker is `worker-main.js`
 * beside this file. When running from TypeScript sources (the test runner), it is
 * `worker-main.ts`, started through a tiny bootstrap that lets Node strip the types and resolve
 * the sources' `.js` import specifiers to the `.ts` files.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

const BOOTSTRAP = `
const { registerHooks } = require('node:module')
const { existsSync } = require('node:fs')
const { fileURLToPath } = require('node:url')
const { workerData } = require('node:worker_threads')
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const url = new URL(specifier, context.parentURL)
      if (!existsSync(fileURLToPath(url))) return next(url.href.slice(0, -3) + '.ts', context)
    }
    return next(specifier, context)
  },
})
import(workerData.entry)
`

/**
 * A new, unreferenced statevector worker.
 *
 * @returns the worker (it does not keep the process alive until referenced)
 */
export function spawnWorker(): Worker {
  const js = new URL('./worker-main.js', import.meta.url)
  const worker = existsSync(fileURLToPath(js))
    ? new Worker(js)
    : new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { entry: new URL('./worker-main.ts', import.meta.url).href },
      })
  worker.unref()
  return worker
}
