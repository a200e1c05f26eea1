/**
 * Turns a run of unitary ops into passes over the state, with or without gate fusion.
 */
import { generateBlockSource } from '../fusion/block-codegen.js'
import type { BatchDiagonalSpec } from '../kernels/batch-diagonal-kernel.js'
import { canFuseGateAfterBatch } from '../kernels/batch-then-gate-kernel.js'
import { blockStages, stagesToMatrix } from '../fusion/block-stages.js'
import { fuseBlocks } from '../fusion/fuse-blocks.js'
import type { FusedBlock, FusedPass } from '../fusion/fusion-item.js'
import { normalizeGates } from '../fusion/normalize-gates.js'
import { poolDiagonals } from '../fusion/pool-diagonals.js'
import type { UnitaryOp } from '../sim-program.js'
import { classifyMatrix } from '../small-matrix.js'
import { wasmBlockModule } from '../wasm/wasm-block-codegen.js'
import { hasWasmSimd, WASM_MAX_QUBITS } from '../wasm/wasm-state.js'
import { webAssemblyApi } from '../wasm/webassembly-api.js'
import type { PassSpec } from './pass-spec.js'

/** The fusion strategies. */
export const FUSION_MODES = ['off', 'dense', 'codegen', 'auto'] as const
/**
 * `off`: every op is its own pass. `dense`: blocks are multiplied into one dense matrix each.
 * `codegen`: blocks become generated straight-line kernels. `auto`: `codegen` from
 * {@link CODEGEN_MIN_QUBITS} qubits (where compiling pays off), `dense` below.
 */
export type FusionMode = (typeof FUSION_MODES)[number]

/** From this many qubits `auto` fusion generates code. */
export const CODEGEN_MIN_QUBITS = 14

/** Options of {@link buildPlan}. */
export interface BuildPlanOptions {
  readonly numQubits: number
  readonly fusion?: FusionMode | undefined
  /** Width of blocks holding dense matrices (default 2). */
  readonly maxBlockQubits?: number | undefined
  /** Width of blocks of diagonal and permutation gates only (default 5 for code generation). */
  readonly maxStructuredBlockQubits?: number | undefined
  /**
   * Also compile blocks to WebAssembly SIMD (used on states in wasm memory). Default: when the
   * runtime supports it and the state fits wasm memory.
   */
  readonly wasm?: boolean | undefined
  /** Skip diagonal gates at the very end (only when the state is sampled, never returned). */
  readonly dropTrailingDiagonals?: boolean | undefined
}

/**
 * The passes that apply `ops` to a state.
 *
 * @param ops - unitary ops in application order
 * @param options - the qubit count and fusion strategy
 * @returns passes in application order
 */
export function buildPlan(ops: readonly UnitaryOp[], options: BuildPlanOptions): PassSpec[] {
  const { numQubits } = options
  const requested = options.fusion ?? 'auto'
  const mode =
    requested === 'auto' ? (numQubits >= CODEGEN_MIN_QUBITS ? 'codegen' : 'dense') : requested
  if (mode === 'off') return ops.map((op) => ({ kind: 'op', op }))
  const wasm =
    mode === 'codegen' && (options.wasm ?? (numQubits <= WASM_MAX_QUBITS && hasWasmSimd()))
  // SIMD kernels keep a three-qubit block in registers; scalar JavaScript spills beyond two.
  const maxBlockQubits = Math.min(numQubits, options.maxBlockQubits ?? (wasm ? 3 : 2))
  const maxStructuredBlockQubits = Math.min(
    numQubits,
    Math.max(
      maxBlockQubits,
      options.maxStructuredBlockQubits ?? (mode === 'codegen' ? 5 : maxBlockQubits),
    ),
  )
  const normalized = normalizeGates(ops, maxBlockQubits)
  const items = poolDiagonals(normalized, {
    numQubits,
    maxBlockQubits,
    dropTrailingDiagonals: options.dropTrailingDiagonals ?? false,
  })
  const passes = fuseBlocks(items, { maxBlockQubits, maxStructuredBlockQubits, numQubits })
  return toPassSpecs(passes, { mode, wasm, numQubits })
}

function toPassSpecs(
  passes: readonly FusedPass[],
  target: {
    readonly mode: 'dense' | 'codegen'
    readonly wasm: boolean
    readonly numQubits: number
  },
): PassSpec[] {
  const specs: PassSpec[] = []
  for (let k = 0; k < passes.length; k++) {
    const pass = passes[k]!
    const next = passes[k + 1]
    if (pass.kind === 'batch' && next?.kind === 'block' && gateOnPivot(pass.spec, next)) {
      // The batch, then a block on its pivot alone: one pass (QFT's shape).
      const then = {
        matrix: stagesToMatrix(blockStages(next, { normalize: false }), 1),
        qubit: next.qubits[0]!,
      }
      specs.push({ kind: 'batch-diagonal', spec: pass.spec, then })
      k++
    } else if (pass.kind === 'batch') {
      specs.push({ kind: 'batch-diagonal', spec: pass.spec })
    } else if (pass.kind === 'op') {
      specs.push({ kind: 'op', op: pass.op })
    } else {
      specs.push(target.mode === 'codegen' ? generatedPass(pass, target) : densePass(pass))
    }
  }
  return specs
}

function gateOnPivot(spec: BatchDiagonalSpec, block: FusedBlock): boolean {
  return block.qubits.length === 1 && canFuseGateAfterBatch(spec, block.qubits[0]!)
}

function generatedPass(
  block: FusedBlock,
  target: { readonly wasm: boolean; readonly numQubits: number },
): PassSpec {
  const stages = blockStages(block, { normalize: true })
  const wasm = target.wasm
    ? new (webAssemblyApi().Module)(wasmBlockModule(block.qubits, stages, target.numQubits))
    : undefined
  return {
    kind: 'generated',
    qubits: block.qubits,
    ...generateBlockSource(block.qubits, stages),
    wasm,
  }
}

function densePass(block: FusedBlock): PassSpec {
  const first = block.ops[0]
  if (block.ops.length === 1 && first !== undefined) return { kind: 'op', op: first }
  const k = block.qubits.length
  const matrix = stagesToMatrix(blockStages(block, { normalize: false }), k)
  if (k === 0)
    return { kind: 'op', op: { kind: 'global-phase', phase: Math.atan2(matrix[1]!, matrix[0]!) } }
  return { kind: 'op', op: classifyMatrix(block.qubits, matrix) }
}
