/**
 * Turns a run of gates and channels into steps over the vectorised density matrix.
 *
 * Layout: ρ on `n` qubits is a `2n`-qubit state whose basis index is `col + 2^n·row`, i.e. the
 * row-major `2^n × 2^n` matrix itself (entry `(r, c)` at `2(r·2^n + c)`, interleaved). Qubit `q`
 * of the register is bit `q + n` (row) and bit `q` (column) of that index, so `ρ ↦ UρU†` is
 * `U` on qubits `q + n` and `conj(U)` on qubits `q` — two ordinary statevector passes, which the
 * statevector engine's fusion, kernels and worker threads run as they are. A channel on qubits
 * `Q` is one sparse pass of its superoperator on `[Q + n, Q]`.
 *
 * Noise usually follows every gate, so a channel absorbs the gates and channels just before it
 * that act within its qubits (skipping ops on other qubits, which commute with it): a noisy
 * two-qubit gate becomes one pass instead of three.
 */
import { createOpKernel } from '../engine/kernels/create-op-kernel.js'
import type { OpKernel } from '../engine/kernels/op-kernel.js'
import { buildPlan, type FusionMode } from '../engine/plan/build-plan.js'
import type { PassSpec } from '../engine/plan/pass-spec.js'
import { runKernelsSync } from '../engine/plan/run-plan.js'
import { opQubits, type UnitaryOp } from '../engine/sim-program.js'
import type { EvolutionOp } from './density-program.js'
import { conjugateOp, remapOp } from './op-transforms.js'
import { sparseMatrixKernel } from './superop-kernel.js'
import { RESET_SUPEROP } from './superoperator.js'

/** Fusion options passed on to the statevector planner. */
export interface DensityPlanOptions {
  readonly fusion?: FusionMode | undefined
  readonly maxBlockQubits?: number | undefined
}

/** One step over the vectorised density matrix. */
export type DensityStep =
  /** Statevector passes (gates as `U ⊗ conj(U)`), for the engine's executor. */
  | { readonly kind: 'passes'; readonly passes: readonly PassSpec[] }
  /** A channel's sparse superoperator kernel, run on the calling thread. */
  | { readonly kind: 'kernel'; readonly kernel: OpKernel }

type Item =
  | { readonly kind: 'gate'; readonly op: UnitaryOp; readonly qubits: readonly number[] }
  | { readonly kind: 'channel'; readonly qubits: readonly number[]; readonly superop: Float64Array }

/**
 * The steps applying `ops` to a vectorised `numQubits`-qubit density matrix.
 *
 * @param ops - gates, channels and resets, in order
 * @param numQubits - the register width `n` (the steps act on `2n` qubits)
 * @param options - fusion options for runs of gates
 * @returns the steps, in order
 */
export function densityPlan(
  ops: readonly EvolutionOp[],
  numQubits: number,
  options: DensityPlanOptions = {},
): DensityStep[] {
  const items: Item[] = []
  for (const op of ops) {
    switch (op.kind) {
      case 'global-phase':
        // U ρ U† does not see a global phase.
        break
      case 'reset':
        addChannel(items, { kind: 'channel', qubits: [op.qubit], superop: RESET_SUPEROP })
        break
      case 'channel':
        addChannel(items, op)
        break
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
        items.push({ kind: 'gate', op, qubits: opQubits(op) })
    }
  }
  return toSteps(items, numQubits, options)
}

/** Appends a channel, absorbing the items before it that act within its qubits. */
function addChannel(items: Item[], channel: Item & { kind: 'channel' }): void {
  const inside = new Set(channel.qubits)
  const pulled: number[] = []
  for (let j = items.length - 1; j >= 0; j--) {
    const qubits = items[j]!.qubits
    if (qubits.every((q) => !inside.has(q))) continue
    if (!qubits.every((q) => inside.has(q))) break
    pulled.unshift(j)
  }
  if (pulled.length === 0) {
    items.push(channel)
    return
  }
  const fused = [...pulled.map((j) => items[j]!), channel]
  for (const j of [...pulled].reverse()) items.splice(j, 1)
  items.push({
    kind: 'channel',
    qubits: channel.qubits,
    superop: superopOf(fused, channel.qubits),
  })
}

/**
 * The superoperator (column stacking, as in `ChannelOp`) of `items` applied in order, all
 * within `qubits`: computed by running them on each basis matrix `|r⟩⟨c|` of those qubits.
 */
function superopOf(items: readonly Item[], qubits: readonly number[]): Float64Array {
  const m = qubits.length
  const d = 2 ** m
  const dd = d * d
  const local = (q: number): number => qubits.indexOf(q)
  const kernels = items.flatMap((item) =>
    item.kind === 'gate'
      ? doubled(remapOp(item.op, local), m).map((op) => createOpKernel(op, 2 * m))
      : [channelKernel(item.qubits.map(local), item.superop, m)],
  )
  const out = new Float64Array(2 * dd * dd)
  const basis = new Float64Array(2 * dd)
  for (let r0 = 0; r0 < d; r0++) {
    for (let c0 = 0; c0 < d; c0++) {
      basis.fill(0)
      basis[2 * (c0 + d * r0)] = 1
      runKernelsSync(basis, kernels)
      const col = r0 + d * c0
      for (let r = 0; r < d; r++) {
        for (let c = 0; c < d; c++) {
          const row = r + d * c
          out[2 * (row * dd + col)] = basis[2 * (c + d * r)]!
          out[2 * (row * dd + col) + 1] = basis[2 * (c + d * r) + 1]!
        }
      }
    }
  }
  return out
}

/** `U` on the row qubits `q + n` and `conj(U)` on the column qubits `q`. */
function doubled(op: UnitaryOp, numQubits: number): UnitaryOp[] {
  return [remapOp(op, (q) => q + numQubits), conjugateOp(op)]
}

function channelKernel(qubits: readonly number[], superop: Float64Array, n: number): OpKernel {
  return sparseMatrixKernel([...qubits.map((q) => q + n), ...qubits], superop, 2 * n)
}

function toSteps(items: readonly Item[], n: number, options: DensityPlanOptions): DensityStep[] {
  const steps: DensityStep[] = []
  let gates: UnitaryOp[] = []
  const flush = (): void => {
    if (gates.length === 0) return
    steps.push({ kind: 'passes', passes: buildPlan(gates, { ...options, numQubits: 2 * n }) })
    gates = []
  }
  for (const item of items) {
    if (item.kind === 'gate') gates.push(...doubled(item.op, n))
    else {
      flush()
      steps.push({ kind: 'kernel', kernel: channelKernel(item.qubits, item.superop, n) })
    }
  }
  flush()
  return steps
}
