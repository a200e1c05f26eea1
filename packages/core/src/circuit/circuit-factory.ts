import type { ComplexMatrix } from '../math/complex-matrix.js'
import type { Gate } from './gate.js'
import type { StandardGateName } from './library/standard-gate-specs.js'
import type { ParameterValue } from './parameter-expression.js'
import type { CircuitArgument } from './circuit-core.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/**
 * Constructors that the operation modules need at run time but must not import: `gate.ts` and
 * friends are loaded by `standard-gates.ts` (which subclasses `Gate` at top level) and by
 * `quantum-circuit.ts`, so importing those back would create an ES-module cycle that can leave
 * `Gate` uninitialised. `quantum-circuit.ts` registers the real constructors when it loads.
 *
 * @internal
 */
export interface CircuitFactory {
  /** `new QuantumCircuit(...args)`. */
  readonly createCircuit: (...args: CircuitArgument[]) => QuantumCircuit
  /** The library's `standardGate(name, params, options)`. */
  readonly standardGate: (
    name: StandardGateName,
    params?: readonly ParameterValue[],
    options?: { readonly numCtrlQubits?: number },
  ) => Gate
  /** `new UnitaryGate(matrix, label)`. */
  readonly unitaryGate: (matrix: ComplexMatrix, label?: string) => Gate
}

let registered: CircuitFactory | undefined

/**
 * Registers the constructors (called once by `quantum-circuit.ts` at load).
 *
 * @internal
 */
export function registerCircuitFactory(factory: CircuitFactory): void {
  registered = factory
}

/**
 * The registered constructors.
 *
 * @throws Error if no circuit module was loaded yet (import `@qfabric/core/circuit`)
 * @internal
 */
export function circuitFactory(): CircuitFactory {
  if (registered === undefined) {
    throw new Error(
      'the circuit module is not loaded: import QuantumCircuit (or @qfabric/core/circuit) before using gates',
    )
  }
  return registered
}
