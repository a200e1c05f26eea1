// Imports every `exports` entry of every published package from its built `dist/`, as a user's
// project would, and checks that @qfabric/core, @qfabric/protocol and @qfabric/client stay
// browser-safe (no Node built-ins anywhere in their built code). Run after `tsc -b`.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const packages = ['core', 'sim', 'protocol', 'client', 'server', 'cli']
const browserSafe = new Set(['core', 'protocol', 'client'])
const failures = []

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* jsFiles(path)
    else if (name.endsWith('.js')) yield path
  }
}

for (const pkg of packages) {
  const dir = join(root, 'packages', pkg)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`
    try {
      const mod = await import(specifier)
      if (Object.keys(mod).length === 0) failures.push(`${specifier}: exports nothing`)
    } catch (error) {
      failures.push(`${specifier} (${target.default}): ${error.message}`)
    }
  }
  if (browserSafe.has(pkg)) {
    for (const file of jsFiles(join(dir, 'dist'))) {
      // The client's Node entry (saved accounts on disk) is chosen by the `node` condition only.
      if (pkg === 'client' && file.startsWith(join(dir, 'dist', 'node'))) continue
      const text = readFileSync(file, 'utf8')
      const hit = /from\s+['"](node:[^'"]+)['"]|import\(\s*['"](node:[^'"]+)['"]\s*\)/.exec(text)
      if (hit)
        failures.push(
          `${file}: imports ${hit[1] ?? hit[2]} but ${manifest.name} must run in browsers`,
        )
    }
  }
}

if (failures.length > 0) {
  console.error(`exports check: ${failures.length} problem(s)\n${failures.join('\n')}`)
  process.exit(1)
}
console.log(`exports check: every exports entry of ${packages.length} packages imports from dist`)
