import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPlan, type BuildPlanOptions } from '../../../src/engine/plan/build-plan.js'
import { createPassKernel } from '../../../src/engine/plan/pass-spec.js'
import { createWasmState, hasWasmSimd, wasmMemoryOf } from '../../../src/engine/wasm/wasm-state.js'
import type { UnitaryOp } from '../../../src/engine/sim-program.js'
import { maxDistance, runReference, zeroState } from '../../helpers/dense-reference.js'
import { arbitraryCircuit, randomOps } from '../../helpers/random-ops.js'

/** Runs a plan on a plain array, or (`inWasm`) on a state in WebAssembly memory. */
function runPlanned(
  n: number,
  ops: readonly UnitaryOp[],
  options: Omit<BuildPlanOptions, 'numQubits'> & { inWasm?: boolean },
): Float64Array {
  const state = options.inWasm === true ? createWasmState(n) : zeroState(n)
  state[0] = 1
  for (const pass of buildPlan(ops, { numQubits: n, ...options })) {
    const kernel = createPassKernel(pass, n)
    const mid = Math.floor(kernel.groups / 2)
    kernel.run(state, 0, mid)
    kernel.run(state, mid, kernel.groups)
  }
  return state
}

const rot = (axis: 'x' | 'y' | 'z', t: number): Float64Array => {
  const c = Math.cos(t / 2)
  const s = Math.sin(t / 2)
  if (axis === 'x') return Float64Array.of(c, 0, 0, -s, 0, -s, c, 0)
  if (axis === 'y') return Float64Array.of(c, 0, -s, 0, s, 0, c, 0)
  return Float64Array.of(c, -s, 0, 0, 0, 0, c, s)
}

/** The benchmark's `rand` family shape: rx, ry, rz on every qubit, then a cz layer. */
function layered(n: number, depth: number): UnitaryOp[] {
  const ops: UnitaryOp[] = []
  let t = 0.1
  for (let l = 0; l < depth; l++) {
    for (let q = 0; q < n; q++) {
      for (const axis of ['x', 'y', 'z'] as const)
        ops.push({ kind: 'matrix', qubits: [q], matrix: rot(axis, (t += 0.77)) })
    }
    for (let i = l % 2; i < n - 1; i += 2) {
      ops.push({
        kind: 'diagonal',
        qubits: [i, i + 1],
        diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0),
      })
    }
  }
  return ops
}

/** QFT: h and controlled-phase fans (the batch-diagonal case). */
function qft(n: number): UnitaryOp[] {
  const s = Math.SQRT1_2
  const ops: UnitaryOp[] = []
  for (let q = 1; q < n; q += 2)
    ops.push({ kind: 'permutation', qubits: [q], permutation: Int32Array.of(1, 0) })
  for (let j = n - 1; j >= 0; j--) {
    ops.push({ kind: 'matrix', qubits: [j], matrix: Float64Array.of(s, 0, s, 0, s, 0, -s, 0) })
    for (let k = j - 1; k >= 0; k--) {
      const a = Math.PI / 2 ** (j - k)
      ops.push({
        kind: 'diagonal',
        qubits: [k, j],
        diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, Math.cos(a), Math.sin(a)),
      })
    }
  }
  return ops
}

const MODES = [
  { fusion: 'off' },
  { fusion: 'dense' },
  { fusion: 'dense', maxBlockQubits: 3 },
  { fusion: 'codegen', wasm: false },
  { fusion: 'codegen', inWasm: true },
  { fusion: 'codegen', maxBlockQubits: 2, inWasm: true },
  { fusion: 'codegen', maxBlockQubits: 5, wasm: false },
  { fusion: 'codegen', maxBlockQubits: 4, inWasm: true },
] as const

describe('buildPlan', () => {
  it('applies the same unitary with fusion off, dense and generated (property)', () => {
    fc.assert(
      fc.property(arbitraryCircuit, ({ n, ops }) => {
        const expected = runReference(n, ops)
        for (const mode of MODES) {
          expect(maxDistance(runPlanned(n, ops, mode), expected)).toBeLessThan(1e-12)
        }
      }),
      { seed: 4242, numRuns: 60 },
    )
  })

  it.each(MODES)('simulates a layered rotation/cz circuit exactly (%o)', (mode) => {
    const ops = layered(7, 5)
    expect(maxDistance(runPlanned(7, ops, mode), runReference(7, ops))).toBeLessThan(1e-12)
  })

  it.each(MODES)('simulates QFT exactly (%o)', (mode) => {
    const ops = qft(8)
    expect(maxDistance(runPlanned(8, ops, mode), runReference(8, ops))).toBeLessThan(1e-12)
  })

  it('agrees with unfused kernels on wide states (batch tables over two index chunks)', () => {
    // Above 13 qubits the batch-diagonal tables split the index into overlapping chunks.
    for (const [n, ops] of [
      [16, qft(16)],
      [15, layered(15, 4)],
      [14, [...randomOps(14, 60, 3), ...qft(14)]],
    ] as const) {
      const plan = buildPlan(ops, { numQubits: n, fusion: 'codegen' })
      expect(plan.some((p) => p.kind === 'batch-diagonal')).toBe(true)
      const unfused = runPlanned(n, ops, { fusion: 'off' })
      expect(maxDistance(runPlanned(n, ops, { fusion: 'codegen' }), unfused)).toBeLessThan(1e-11)
      expect(
        maxDistance(runPlanned(n, ops, { fusion: 'codegen', inWasm: true }), unfused),
      ).toBeLessThan(1e-11)
      expect(maxDistance(runPlanned(n, ops, { fusion: 'dense' }), unfused)).toBeLessThan(1e-11)
    }
  })

  it('fuses QFT’s phase fan with the following h into one pass', () => {
    const plan = buildPlan(qft(16), { numQubits: 16, fusion: 'codegen' })
    expect(
      plan.filter((p) => p.kind === 'batch-diagonal' && p.then !== undefined).length,
    ).toBeGreaterThan(10)
    expect(plan.length).toBeLessThan(24)
  })

  it('batches a wide flush of diagonals into one pass', () => {
    const plan = buildPlan(qft(12), { numQubits: 12, fusion: 'codegen' })
    expect(plan.some((p) => p.kind === 'batch-diagonal')).toBe(true)
    // Far fewer passes than gates (12 h + 66 cp + 6 x).
    expect(plan.length).toBeLessThan(40)
  })

  it('fuses far fewer passes than gates on a layered circuit', () => {
    const ops = layered(12, 6)
    expect(buildPlan(ops, { numQubits: 12, fusion: 'codegen' }).length).toBeLessThan(ops.length / 4)
  })

  it('keeps measurement probabilities when trailing diagonals are dropped', () => {
    const ops = [...randomOps(5, 30, 99), ...qft(5)]
    const full = runReference(5, ops)
    const dropped = runPlanned(5, ops, { fusion: 'codegen', dropTrailingDiagonals: true })
    for (let i = 0; i < 32; i++) {
      expect(Math.hypot(dropped[2 * i]!, dropped[2 * i + 1]!)).toBeCloseTo(
        Math.hypot(full[2 * i]!, full[2 * i + 1]!),
        12,
      )
    }
  })

  it('compiles blocks to WebAssembly SIMD and runs them on states in wasm memory', () => {
    expect(hasWasmSimd()).toBe(true)
    const plan = buildPlan(layered(6, 3), { numQubits: 6, fusion: 'codegen' })
    expect(plan.some((p) => p.kind === 'generated' && p.wasm !== undefined)).toBe(true)
    expect(wasmMemoryOf(createWasmState(6))).toBeDefined()
    expect(wasmMemoryOf(zeroState(6))).toBeUndefined()
    // Plain arrays fall back to the JavaScript kernels of the same plan.
    const ops = layered(6, 3)
    expect(
      maxDistance(
        runPlanned(6, ops, { fusion: 'codegen' }),
        runPlanned(6, ops, { fusion: 'codegen', inWasm: true }),
      ),
    ).toBeLessThan(1e-13)
  })

  it('splits very long runs on few qubits into several blocks, exactly', () => {
    const ops = randomOps(3, 600, 8)
    const plan = buildPlan(ops, { numQubits: 3, fusion: 'codegen', maxBlockQubits: 3 })
    expect(plan.length).toBeGreaterThan(2)
    const expected = runReference(3, ops)
    expect(
      maxDistance(runPlanned(3, ops, { fusion: 'codegen', inWasm: true }), expected),
    ).toBeLessThan(1e-11)
    expect(
      maxDistance(runPlanned(3, ops, { fusion: 'codegen', wasm: false }), expected),
    ).toBeLessThan(1e-11)
  })

  it('keeps every op as its own pass with fusion off', () => {
    const ops = randomOps(4, 12, 5)
    expect(buildPlan(ops, { numQubits: 4, fusion: 'off' })).toHaveLength(12)
  })
})
