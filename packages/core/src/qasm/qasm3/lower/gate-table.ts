import type { Gate } from '../../../circuit/gate.js'
import { standardGate } from '../../../circuit/library/standard-gates.js'
import {
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../../circuit/library/standard-gate-specs.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import type { GateSymbol } from './scope.js'

/**
 * The gates `stdgates.inc` declares, mapped onto the standard library as Qiskit's importer
 * maps them: `CX` is `cx`, `phase` is `p`, `cphase` is `cp` (Qiskit's definitions, which may
 * differ from the file's by a global phase, as for `u3`).
 */
export const STDGATES: ReadonlyMap<string, StandardGateName> = new Map<string, StandardGateName>([
  ['p', 'p'],
  ['x', 'x'],
  ['y', 'y'],
  ['z', 'z'],
  ['h', 'h'],
  ['s', 's'],
  ['sdg', 'sdg'],
  ['t', 't'],
  ['tdg', 'tdg'],
  ['sx', 'sx'],
  ['rx', 'rx'],
  ['ry', 'ry'],
  ['rz', 'rz'],
  ['cx', 'cx'],
  ['cy', 'cy'],
  ['cz', 'cz'],
  ['cp', 'cp'],
  ['crx', 'crx'],
  ['cry', 'cry'],
  ['crz', 'crz'],
  ['ch', 'ch'],
  ['swap', 'swap'],
  ['ccx', 'ccx'],
  ['cswap', 'cswap'],
  ['cu', 'cu'],
  ['CX', 'cx'],
  ['phase', 'p'],
  ['cphase', 'cp'],
  ['id', 'id'],
  ['u1', 'u1'],
  ['u2', 'u2'],
  ['u3', 'u3'],
])

function sameNumbers(a: readonly ParameterValue[], b: readonly ParameterValue[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    if (typeof x !== 'number' || x !== b[i]) return false
  }
  return true
}

/** Parameterless standard gates are immutable values: one instance serves every call. */
const FIXED = new Map<StandardGateName, Gate>()

/**
 * A gate symbol for a standard gate under the name programs use.
 *
 * @param name - the name in the source (`CX`, `phase`, `h`)
 * @param standard - the standard gate it stands for
 * @returns the symbol
 */
export function standardGateSymbol(name: string, standard: StandardGateName): GateSymbol {
  const spec = STANDARD_GATE_SPECS[standard]
  let last: Gate | undefined
  return {
    name,
    numParams: spec.params.length,
    numQubits: spec.numQubits === 'variable' ? 0 : spec.numQubits,
    build(params: readonly ParameterValue[]): Gate {
      if (params.length === 0) {
        let gate = FIXED.get(standard)
        if (gate === undefined) {
          gate = standardGate(standard)
          FIXED.set(standard, gate)
        }
        return gate
      }
      // Gates are immutable: a call with the same numeric parameters as the previous one
      // (`rz(pi/4)` over and over) reuses its gate.
      if (last !== undefined && sameNumbers(last.params, params)) return last
      last = standardGate(standard, params)
      return last
    },
  }
}

/**
 * Gates available without any include: the built-in `U(θ, φ, λ)` (Qiskit's `u`) and, as a
 * leniency Qiskit's OpenQASM 2 heritage makes common in OpenQASM 3 snippets, `CX`. A program's
 * own definitions of these names take precedence.
 */
const BUILTIN_GATES: ReadonlyMap<string, GateSymbol> = new Map([
  ['U', standardGateSymbol('U', 'u')],
  ['CX', standardGateSymbol('CX', 'cx')],
])

/** The built-in gate of that name, if any. */
export function builtinGate(name: string): GateSymbol | undefined {
  return BUILTIN_GATES.get(name)
}
