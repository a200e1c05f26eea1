import { fakeTarget, FAKE_DEVICES } from './preset/__fixtures__/devices.js'
import { describeTranspileProperty } from './preset/__fixtures__/device-suite.js'

// Every IBM device snapshot in shared/data (5 to 156 qubits; cx, ecr one-way, cz + rzz,
// faulty couplers), at every optimisation level.
describeTranspileProperty(
  FAKE_DEVICES.slice(0, 6).map((name) => ({ name, target: () => fakeTarget(name) })),
  { runs: 3, seed: 100 },
)
