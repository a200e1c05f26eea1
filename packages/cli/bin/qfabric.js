#!/usr/bin/env node
// The package's `bin`: a file of its own rather than dist/bin.js itself, because npm links a
// bin at install time only if its file exists — in this repository that is before the first
// build, so `npx qfabric` would find nothing. This file is always there and loads the built CLI.
import('../dist/bin.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('bin.js')) {
    process.stderr.write('qfabric: the CLI is not built yet; run `npm run build` first\n')
    process.exitCode = 1
    return
  }
  throw error
})
