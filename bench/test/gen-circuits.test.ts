import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileCircuit, simulateStatevector } from '@qfabric/sim'
import { describe, expect, it } from 'vitest'
import { familyGates, gatesToCircuit, gatesToQasm, type Family } from '../circuits/gen-circuits.js'
import { NumpyGenerator, seedSequenceState } from '../circuits/numpy-random.js'
import { pythonFloatRepr } from '../circuits/python-float-repr.js'
import { readComplexNpy } from '../circuits/read-npy.js'

const GENERATOR = `${process.env['QFABRIC_SHARED']}/bench/gen_circuits.py`
const dir = mkdtempSync(join(tmpdir(), 'qfabric-gen-'))

function python(args: string[]): string {
  return execFileSync('python3', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs the Python generator, returning its QASM text and reference state. */
function pythonFamily(
  family: Family,
  n: number,
  depth?: number,
): { qasm: string; state: () => Float64Array } {
  const qasm = join(dir, `${family}-${n}.qasm`)
  const ref = join(dir, `${family}-${n}.npy`)
  const withRef = n <= 12
  python([
    GENERATOR,
    family,
    String(n),
    ...(depth === undefined ? [] : [String(depth)]),
    '--qasm',
    qasm,
    ...(withRef ? ['--ref', ref] : []),
  ])
  return { qasm: readFileSync(qasm, 'utf8'), state: () => readComplexNpy(readFileSync(ref)) }
}

describe('numpy random stream', () => {
  it('matches default_rng(seed).uniform(0, 2π) bit for bit', () => {
    const seeds = [0, 1, 6010, 24010, 2 ** 40 + 5]
    const expected = JSON.parse(
      python([
        '-c',
        `import json, math, numpy as np\nprint(json.dumps([[float(np.random.default_rng(s).uniform(0, 2*math.pi)) for _ in range(1)] + [float(x) for x in np.random.default_rng(s).random(20)] for s in ${JSON.stringify(seeds)}]))`,
      ]),
    ) as number[][]
    seeds.forEach((seed, k) => {
      expect(new NumpyGenerator(seed).uniform(0, 2 * Math.PI)).toBe(expected[k]![0])
      const g = new NumpyGenerator(seed)
      expect(Array.from({ length: 20 }, () => g.random())).toEqual(expected[k]!.slice(1))
    })
  })

  it('matches SeedSequence.generate_state', () => {
    const expected = JSON.parse(
      python([
        '-c',
        'import json, numpy as np\nprint(json.dumps([str(x) for x in np.random.SeedSequence(24010).generate_state(4, np.uint64)]))',
      ]),
    ) as string[]
    expect(seedSequenceState(24010n, 4).map(String)).toEqual(expected)
  })
})

describe('pythonFloatRepr', () => {
  it('writes floats as Python does', () => {
    const values = [
      0.5,
      2,
      1e-5,
      2.996056226334661e-6,
      1.5e16,
      123456789.125,
      -0.0001,
      1e22,
      Math.PI / 2 ** 20,
    ]
    const expected = JSON.parse(
      python([
        '-c',
        `import json\nprint(json.dumps([repr(float(x)) for x in ${JSON.stringify(values)}]))`,
      ]),
    ) as string[]
    expect(values.map(pythonFloatRepr)).toEqual(expected)
  })
})

describe('benchmark families', () => {
  it.each([
    ['rand', 6, 10],
    ['rand', 9, 4],
    ['qft', 7, undefined],
    ['qft', 18, undefined],
    ['ghz', 5, undefined],
  ] as const)(
    'generates %s %i like the Python generator (QASM text exactly)',
    (family, n, depth) => {
      const { qasm } = pythonFamily(family, n, depth)
      expect(gatesToQasm(n, familyGates(family, n, depth))).toBe(qasm)
    },
  )

  it.each([
    ['rand', 6, 10],
    ['qft', 7, undefined],
    ['ghz', 5, undefined],
  ] as const)('simulates %s %i to the numpy reference state', async (family, n, depth) => {
    const state = pythonFamily(family, n, depth).state()
    const circuit = gatesToCircuit(n, familyGates(family, n, depth))
    const { statevector } = await simulateStatevector(compileCircuit(circuit), { threads: 1 })
    let err = 0
    for (let k = 0; k < state.length; k++)
      err = Math.max(err, Math.abs(state[k]! - statevector[k]!))
    expect(err).toBeLessThan(1e-12)
  })
})

describe('readComplexNpy', () => {
  it('rejects other dtypes', () => {
    const file = join(dir, 'ints.npy')
    python(['-c', `import numpy as np\nnp.save('${file}', np.arange(4))`])
    expect(() => readComplexNpy(readFileSync(file))).toThrow(TypeError)
  })
})
