/**
 * `npm run demo`: reads the example circuits in `examples/circuits/`, and prints for each its
 * drawing, its statistics and its OpenQASM 3 export; then runs the measured ones on the local
 * simulator and, transpiled, on the noisy fake device FakeManila, and prints both histograms.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { transpile } from '@qfabric/core/transpiler'
import { FakeManila, LocalProvider } from '@qfabric/sim'
import { circuitReport } from './circuit-report.js'
import { textHistogram } from './text-histogram.js'

const dir = fileURLToPath(new URL('../circuits/', import.meta.url))

const simulator = await new LocalProvider().getBackend('qasm_simulator')
const device = new FakeManila()

/** Runs a circuit ideally and on the fake device, and prints both histograms. */
async function runBoth(circuit: QuantumCircuit): Promise<void> {
  const bound =
    circuit.numParameters === 0
      ? circuit
      : circuit.assignParameters(circuit.parameters.map(() => Math.PI / 3))
  const ideal = await (await simulator.run(bound, { shots: 2000, seed: 11 })).result()
  console.log(`\nqasm_simulator, 2000 shots${bound === circuit ? '' : ' (parameters = π/3)'}:`)
  console.log(textHistogram(ideal.getCounts()).join('\n'))
  if (bound.numQubits > (device.numQubits ?? 0)) return
  const compiled = transpile(bound, { backend: device, optimizationLevel: 3, seed: 11 })
  const noisy = await (await device.run(compiled, { shots: 2000, seed: 11 })).result()
  console.log(`\n${device.name} (noisy, transpiled at level 3), 2000 shots:`)
  console.log(textHistogram(noisy.getCounts()).join('\n'))
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.qasm'))
  .sort()
for (const file of files) {
  const report = circuitReport(readFileSync(join(dir, file), 'utf8'), file)
  const rule = '═'.repeat(78)
  console.log(`${rule}\n${file}\n${rule}`)
  console.log(report.drawing)
  console.log()
  console.log(report.stats)
  console.log('\nOpenQASM 3:')
  console.log(report.qasm3)
  if (report.circuit.numClbits > 0) await runBoth(report.circuit)
}
