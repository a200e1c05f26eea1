import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import { circuitToDag } from './dag/circuit-to-dag.js'
import { CircuitTooWideError } from './transpiler-error.js'
import type { PassSignal } from './passmanager/pass.js'
import type { PassManager } from './passmanager/pass-manager.js'
import type { PassCallback } from './passmanager/run-tasks.js'
import type { PassManagerConfig } from './passmanager/stage-plugin.js'
import { optimizationScore } from './optimization/minimum-point.js'
import {
  presetConfig,
  presetMethods,
  presetPassManager,
  type PresetPassManagerOptions,
} from './preset/generate-preset-pass-manager.js'

/** Options of {@link transpile} (Qiskit's `transpile` arguments). */
export interface TranspileOptions extends PresetPassManagerOptions {
  /** 0 (none) … 3 (heaviest); default 2, as Qiskit. */
  readonly optimizationLevel?: number | undefined
  /**
   * Whole-pipeline trials with consecutive seeds, keeping the output with the fewest two-qubit
   * gates (then depth). Default: 1, except at level 3: 4 for circuits of up to 2,000
   * operations, 2 up to 8,000, then 1.
   */
  readonly seedTrials?: number | undefined
  /** Called after every pass (with the pass, the DAG, timing and the property set). */
  readonly callback?: PassCallback | undefined
  /** Aborts between passes (rejects with the signal's reason). */
  readonly signal?: PassSignal | undefined
  /** New names for the outputs: one name for one circuit, one per circuit for a list. */
  readonly outputName?: string | readonly string[] | undefined
}

/**
 * Compiles circuits for a device (Qiskit's `transpile`): unrolls them, lays them out on the
 * device's qubits, routes them over its couplings, translates them into its instructions and
 * optimises them, with the preset pass manager of the optimisation level (see
 * `generatePresetPassManager`). The device is an explicit `target`, loose constraints
 * (`basisGates`, `couplingMap`) or a `backend`'s target, in that order of precedence.
 *
 * Outputs keep their input's name (unless `outputName` is given) and carry their layout:
 * `getTranspileLayout(out)` gives the initial layout, the routing permutation and the final
 * layout. One circuit in gives one circuit out; a list gives a list.
 *
 * @param circuits - a circuit or a list of circuits (not modified)
 * @param options - device, level, methods, seed, callback, …
 * @returns the compiled circuit(s)
 * @throws CircuitTooWideError `transpiler.circuit-too-wide` when a circuit has more qubits than
 *   the device; LayoutError/RoutingError when its interactions cannot be placed (e.g. a
 *   disconnected coupling map); BasisTranslationError `transpiler.basis-translation` naming
 *   the operations with no rule into the device's instructions; TranspilerError for other
 *   failures
 * @throws RangeError for a bad level or `outputName` count
 * @example
 * ```ts
 * const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])
 * const out = transpile(bell, { target, optimizationLevel: 3, seed: 7 })
 * out.countOps()                               // Map { rz, sx, cz, measure }
 * getTranspileLayout(out)?.initialIndexLayout() // e.g. [3, 5, …]
 * ```
 */
export function transpile(circuits: QuantumCircuit, options?: TranspileOptions): QuantumCircuit
export function transpile(
  circuits: readonly QuantumCircuit[],
  options?: TranspileOptions,
): QuantumCircuit[]
export function transpile(
  circuits: QuantumCircuit | readonly QuantumCircuit[],
  options: TranspileOptions = {},
): QuantumCircuit | QuantumCircuit[] {
  const list: readonly QuantumCircuit[] = Array.isArray(circuits)
    ? (circuits as readonly QuantumCircuit[])
    : [circuits as QuantumCircuit]
  const names = outputNames(list.length, options.outputName, Array.isArray(circuits))
  const level = options.optimizationLevel ?? 2
  const config = presetConfig(level, options)
  const methods = presetMethods(config, options)
  const managers: PassManager[] = []
  // Trials alternate eliding the circuit's own swaps or keeping them (they sometimes route it
  // well), and use consecutive seeds.
  const managerFor = (k: number): PassManager =>
    (managers[k] ??= presetPassManager(
      {
        ...config,
        seed: (config.seed ?? 0) + k,
        pluginOptions: { ...config.pluginOptions, elidePermutations: k % 2 === 0 },
      },
      methods,
    ).toPassManager())
  const outputs = list.map((circuit, i) => {
    checkWidth(circuit, config)
    const trials = Math.max(1, options.seedTrials ?? defaultTrials(level, circuit.size()))
    const out = bestOf(
      Array.from({ length: trials }, (_, k) => managerFor(k)),
      circuit,
      options,
    )
    const name = names?.[i]
    if (name !== undefined) out.name = name
    return out
  })
  return Array.isArray(circuits) ? outputs : outputs[0]!
}

/** Runs every trial's pass manager and keeps the best output (fewest 2q gates, then depth). */
function bestOf(
  managers: readonly PassManager[],
  circuit: QuantumCircuit,
  options: TranspileOptions,
): QuantumCircuit {
  let best: QuantumCircuit | undefined
  let bestScore: number[] = []
  for (const pm of managers) {
    const out = pm.run(circuit, { callback: options.callback, signal: options.signal })
    if (managers.length === 1) return out
    const score = optimizationScore(circuitToDag(out))
    if (best === undefined || compareScores(score, bestScore) < 0) {
      best = out
      bestScore = score
    }
  }
  return best!
}

/** Level 3 retries with other seeds where it is affordable. */
function defaultTrials(level: number, size: number): number {
  if (level !== 3) return 1
  return size <= 2000 ? 4 : size <= 8000 ? 2 : 1
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

/** @throws CircuitTooWideError when the circuit does not fit the device */
function checkWidth(circuit: QuantumCircuit, config: PassManagerConfig): void {
  const width = config.target?.numQubits ?? config.couplingMap?.size() ?? 0
  if (width > 0 && circuit.numQubits > width) {
    throw new CircuitTooWideError(circuit.numQubits, width, circuit.name)
  }
}

function outputNames(
  count: number,
  outputName: string | readonly string[] | undefined,
  isList: boolean,
): readonly string[] | undefined {
  if (outputName === undefined) return undefined
  if (typeof outputName === 'string') {
    if (isList && count !== 1) {
      throw new RangeError('outputName as a string needs exactly one circuit')
    }
    return [outputName]
  }
  const names = outputName
  if (names.length !== count) {
    throw new RangeError(`outputName has ${names.length} names for ${count} circuits`)
  }
  return names
}
