/**
 * Runs a Bell circuit on the local simulator and on a noisy fake device (after transpiling it
 * onto the device's target), and prints both histograms' counts.
 */
import { QuantumCircuit } from '@qfabric/core/circuit'
import { transpile } from '@qfabric/core/transpiler'
import { FakeManila, LocalProvider } from '@qfabric/sim'

const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])

const simulator = await new LocalProvider().getBackend('qasm_simulator')
const ideal = await (await simulator.run(bell, { shots: 2000, seed: 7 })).result()
console.log('ideal   ', ideal.getCounts())

const device = new FakeManila()
const compiled = transpile(bell, { backend: device, optimizationLevel: 3, seed: 7 })
const noisy = await (await device.run(compiled, { shots: 2000, seed: 7 })).result()
console.log('manila  ', noisy.getCounts())
