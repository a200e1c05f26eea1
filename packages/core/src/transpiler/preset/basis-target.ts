import { standardInstructionMapping } from '../../target/standard-instruction-mapping.js'
import { Target } from '../../target/target.js'
import type { PassManagerConfig } from '../passmanager/stage-plugin.js'
import { TranspilerError } from '../transpiler-error.js'

/**
 * A target of unknown width whose instructions are the given basis gates, each global (usable
 * on any qubits): what `basisGates` without a coupling map means.
 *
 * @param basisGates - standard gate names (plus `measure`, `reset`, `delay`)
 * @returns a frozen target
 * @throws TranspilerError `transpiler.failed` for a name that is not a standard instruction
 */
export function basisTarget(basisGates: readonly string[]): Target {
  const mapping = standardInstructionMapping()
  const target = new Target()
  for (const name of new Set(basisGates)) {
    if (name === 'barrier') continue
    const op = mapping.get(name)
    if (op === undefined) {
      throw new TranspilerError(
        'transpiler.failed',
        `unknown basis gate '${name}': not a standard gate (use a Target to add custom gates)`,
      )
    }
    target.addInstruction(op)
  }
  return target.freeze()
}

const BASIS_TARGETS = new WeakMap<readonly string[], Target>()

/**
 * The target the synthesis, translation and optimisation passes use: the configuration's
 * target, else one built from `basisGates`, else none (no basis constraint).
 *
 * @param config - the pass-manager configuration
 * @returns the target, or `undefined`
 */
export function synthesisTarget(config: PassManagerConfig): Target | undefined {
  if (config.target !== undefined) return config.target
  const basis = config.basisGates
  if (basis === undefined) return undefined
  let target = BASIS_TARGETS.get(basis)
  if (target === undefined) {
    target = basisTarget(basis)
    BASIS_TARGETS.set(basis, target)
  }
  return target
}

/**
 * Whether the circuits reaching the translation stage are laid out on the device: true when
 * there is a device of known width or a coupling map.
 *
 * @param config - the pass-manager configuration
 * @returns whether qubit indices are physical after layout
 */
export function isLaidOut(config: PassManagerConfig): boolean {
  return (config.target?.numQubits ?? 0) > 0 || config.couplingMap !== undefined
}
