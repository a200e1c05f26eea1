import { fakeTarget, FAKE_DEVICES } from './preset/__fixtures__/devices.js'
import { describeTranspileProperty } from './preset/__fixtures__/device-suite.js'

// The large snapshots (27 to 156 qubits), in their own file so the two halves run in parallel.
describeTranspileProperty(
  FAKE_DEVICES.slice(6).map((name) => ({ name, target: () => fakeTarget(name) })),
  { runs: 2, seed: 200 },
)
