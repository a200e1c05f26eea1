/**
 * `npm run demo`: reads the example circuits in `examples/circuits/`, and prints for each its
 * drawing, its statistics and its OpenQASM 3 export.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { circuitReport } from './circuit-report.js'

const dir = fileURLToPath(new URL('../circuits/', import.meta.url))

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.qasm'))
  .sort()) {
  const report = circuitReport(readFileSync(join(dir, file), 'utf8'), file)
  const rule = '═'.repeat(78)
  console.log(`${rule}\n${file}\n${rule}`)
  console.log(report.drawing)
  console.log()
  console.log(report.stats)
  console.log('\nOpenQASM 3:')
  console.log(report.qasm3)
}
