import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import type { Reporter, TestModule } from 'vitest/node'

/** Ends the run with the plain `N passed, N failed, N skipped` line CI logs are read by. */
const summaryLine: Reporter = {
  onTestRunEnd(testModules: readonly TestModule[]) {
    const count = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') count.passed++
        else if (state === 'failed') count.failed++
        else count.skipped++
      }
    }
    console.log(`${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`)
  },
}

// The shared test data (device snapshots, benchmark circuits, known answers) sits beside the
// repository, as in CI's checkout; QFABRIC_SHARED overrides it.
const shared = process.env['QFABRIC_SHARED'] ?? fileURLToPath(new URL('../shared', import.meta.url))

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src`, import.meta.url))

// Tests run against the TypeScript sources, so a test never sees a stale `dist/`.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@qfabric\/core\/(.+)$/, replacement: `${src('core')}/$1/index.ts` },
      // Under Node, `@qfabric/client` resolves to its Node entry (the `node` export condition).
      { find: /^@qfabric\/client$/, replacement: `${src('client')}/node/index.ts` },
      { find: /^qfabric$/, replacement: `${src('cli')}/index.ts` },
      {
        find: /^@qfabric\/(core|sim|protocol|server)$/,
        replacement: `${src('$1')}/index.ts`,
      },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'examples/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { QFABRIC_SHARED: shared },
    reporters: ['default', summaryLine],
  },
})
