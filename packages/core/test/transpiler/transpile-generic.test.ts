import { CouplingMap } from '../../src/target/coupling-map.js'
import { createGenericTarget } from '../../src/testing/generic-target.js'
import { describeTranspileProperty } from './preset/__fixtures__/device-suite.js'

// Generic devices of the shapes the benchmarks use, in several bases, including a one-way
// ECR line (every coupling usable in one direction only) and a cz ring.
describeTranspileProperty(
  [
    {
      name: 'line of 6, [rz, sx, x, cx]',
      target: () =>
        createGenericTarget({
          numQubits: 6,
          basisGates: ['rz', 'sx', 'x', 'cx'],
          couplingMap: CouplingMap.fromLine(6, { bidirectional: true }),
          seed: 1,
        }),
    },
    {
      name: 'one-way line of 6, [rz, sx, x, ecr]',
      target: () =>
        createGenericTarget({
          numQubits: 6,
          basisGates: ['rz', 'sx', 'x', 'ecr'],
          couplingMap: CouplingMap.fromLine(6, { bidirectional: false }),
          seed: 2,
        }),
    },
    {
      name: 'ring of 7, [id, rz, sx, x, cz]',
      target: () =>
        createGenericTarget({
          numQubits: 7,
          basisGates: ['id', 'rz', 'sx', 'x', 'cz'],
          couplingMap: CouplingMap.fromRing(7, { bidirectional: true }),
          seed: 3,
        }),
    },
    {
      name: 'heavy-hex d=3, [u, cx]',
      target: () =>
        createGenericTarget({
          numQubits: 19,
          basisGates: ['u', 'cx'],
          couplingMap: CouplingMap.fromHeavyHex(3, { bidirectional: true }),
          seed: 4,
        }),
    },
  ],
  { runs: 3, seed: 300, seedTrials: 2 },
)
