import {
  assignCircuitParameters,
  type AssignParametersOptions,
  type ParameterBindings,
} from './circuit-assign.js'
import { composeCircuit, type ComposeOptions } from './circuit-compose.js'
import { registerCircuitFactory } from './circuit-factory.js'
import {
  circuitDepth,
  circuitSize,
  countOps,
  type InstructionFilter,
  numNonlocalGates,
} from './circuit-metrics.js'
import {
  circuitToGate,
  circuitToInstruction,
  controlCircuit,
  inverseCircuit,
  powerCircuit,
  repeatCircuit,
  type ToGateOptions,
} from './circuit-transforms.js'
import { conditionsEqual } from './condition.js'
import type { Gate } from './gate.js'
import type { Instruction } from './instruction.js'
import type { ParameterValue } from './parameter-expression.js'
import { standardGate } from './library/standard-gates.js'
import { InstructionBuilders } from './instruction-builders.js'
import { valuesEqual } from './parameter-functions.js'
import {
  removeFinalMeasurements,
  type RemoveFinalMeasurementsOptions,
} from './remove-final-measurements.js'
import { UnitaryGate } from './unitary-gate.js'

export type { CircuitInstruction } from './circuit-instruction.js'
export type { BodyBuilder, MeasureAllOptions } from './instruction-builders.js'
export type { AppendOptions, CircuitArgument, CircuitOptions } from './circuit-core.js'
export type { BitLocation, ClbitSpecifier, QubitSpecifier } from './circuit-bits.js'
export type { AssignParametersOptions, ParameterBindings } from './circuit-assign.js'
export type { ComposeOptions } from './circuit-compose.js'
export type { InstructionFilter } from './circuit-metrics.js'
export type { ToGateOptions } from './circuit-transforms.js'
export type { RemoveFinalMeasurementsOptions } from './remove-final-measurements.js'

/**
 * A quantum circuit (Qiskit's `QuantumCircuit`): qubits and clbits (by index), registers, a list
 * of instructions, a global phase and free parameters. Builder methods (`h`, `cx`, `append`,
 * `measure`, …) build in place and return `this`; transformations (`compose`, `inverse`,
 * `assignParameters`, …) return a new circuit unless told `{ inplace: true }`.
 *
 * Bit order is little-endian: qubit 0 is the least significant bit of basis states, matrices
 * and bitstrings.
 *
 * @example
 * ```ts
 * const bell = new QuantumCircuit(2, 2, { name: 'bell' }).h(0).cx(0, 1).measure([0, 1], [0, 1])
 * ```
 */
export class QuantumCircuit extends InstructionBuilders {
  /**
   * `other` composed onto this circuit; see {@link composeCircuit}. Returns a new circuit unless
   * `inplace`.
   *
   * @example
   * ```ts
   * const bell = new QuantumCircuit(2).h(0).cx(0, 1)
   * new QuantumCircuit(3).compose(bell, { qubits: [2, 0] })
   * ```
   */
  compose(other: QuantumCircuit | Instruction, options: ComposeOptions = {}): QuantumCircuit {
    return composeCircuit(this, other, options)
  }

  /**
   * The inverse: instructions reversed and inverted, global phase negated (`<name>_dg`).
   *
   * @throws CircuitError `circuit.not-invertible` for measurements, resets and opaque operations
   */
  inverse(): QuantumCircuit {
    return inverseCircuit(this)
  }

  /**
   * This circuit to the power `k`: a non-negative integer repeats it (see {@link repeat});
   * negative integers go through the inverse, other powers through the matrix.
   *
   * @throws CircuitError `circuit.invalid-operation` if a non-trivial power is asked of a
   *   non-unitary circuit
   */
  power(k: number): QuantumCircuit {
    return powerCircuit(this, k)
  }

  /** `n` copies of this circuit, each as one gate (or instruction), named `<name>**<n>`. */
  repeat(n: number): QuantumCircuit {
    return repeatCircuit(this, n)
  }

  /**
   * This circuit controlled by `n` new qubits, which come first (Qiskit's `control`).
   *
   * @throws CircuitError `circuit.invalid-operation` if the circuit is not unitary
   */
  control(n = 1, ctrlState?: number | string): QuantumCircuit {
    return controlCircuit(this, n, ctrlState)
  }

  /**
   * This circuit as a gate named after it; its parameters are `this.parameters`.
   *
   * @throws CircuitError `circuit.invalid-operation` if the circuit has clbits or non-gates
   */
  toGate(options: ToGateOptions = {}): Gate {
    return circuitToGate(this, options)
  }

  /** This circuit as an instruction named after it. */
  toInstruction(): Instruction {
    return circuitToInstruction(this)
  }

  /**
   * Binds parameters (a map by `Parameter`, a record by name, or an array in `parameters`
   * order); fully bound expressions become numbers. Returns a new circuit unless `inplace`.
   *
   * @throws CircuitError `circuit.unknown-parameter` for a parameter not in the circuit
   * @example
   * ```ts
   * const theta = new Parameter('θ')
   * new QuantumCircuit(1).rx(theta, 0).assignParameters([Math.PI / 2])
   * ```
   */
  assignParameters(
    values: ParameterBindings,
    options: AssignParametersOptions = {},
  ): QuantumCircuit {
    return assignCircuitParameters(this, values, options)
  }

  /** The depth (Qiskit's definition; barriers add no layer). See {@link circuitDepth}. */
  depth(filter?: InstructionFilter): number {
    return circuitDepth(this, filter)
  }

  /** The number of instructions, barriers excluded (Qiskit's `size`). */
  size(filter?: InstructionFilter): number {
    return circuitSize(this, filter)
  }

  /** The number of qubits plus clbits. */
  width(): number {
    return this.numQubits + this.numClbits
  }

  /** Operation counts by name, most frequent first. */
  countOps(): Map<string, number> {
    return countOps(this)
  }

  /** The number of non-directive operations on two or more qubits. */
  numNonlocalGates(): number {
    return numNonlocalGates(this)
  }

  /**
   * Without its final measurements and barriers, and without the classical bits and registers
   * they leave idle. Returns a new circuit unless `inplace`.
   */
  removeFinalMeasurements(options: RemoveFinalMeasurementsOptions = {}): QuantumCircuit {
    return removeFinalMeasurements(this, options)
  }

  /**
   * A copy: same bits and registers (shared, they are immutable), same instructions, global
   * phase and metadata (shallow copy).
   *
   * @param name - the copy's name (default: the same name)
   */
  copy(name?: string): QuantumCircuit {
    const out = this.copyEmptyLike(name)
    out.replaceData(this.data)
    return out
  }

  /**
   * An empty circuit with the same bits, registers, global phase and metadata.
   *
   * @param name - the new name (default: the same name)
   */
  copyEmptyLike(name?: string): QuantumCircuit {
    const out = new QuantumCircuit({
      name: name ?? this.name,
      globalPhase: this.globalPhase,
      metadata: this.metadata,
    })
    out.addBits([...this.qubits, ...this.clbits])
    out.addRegister(...this.qregs, ...this.cregs)
    return out
  }

  /**
   * Whether `other` is the same circuit: same width, registers (by name and size), global
   * phase and the same instructions in the same order (names of circuits are not compared).
   */
  equals(other: QuantumCircuit): boolean {
    if (other === this) return true
    const sameRegs = (
      a: readonly { name: string; size: number }[],
      b: readonly { name: string; size: number }[],
    ): boolean =>
      a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.size === b[i]!.size)
    return (
      this.numQubits === other.numQubits &&
      this.numClbits === other.numClbits &&
      sameRegs(this.qregs, other.qregs) &&
      sameRegs(this.cregs, other.cregs) &&
      samePhase(this.globalPhase, other.globalPhase) &&
      this.data.length === other.data.length &&
      this.data.every((a, i) => {
        const b = other.data[i]!
        return (
          a.operation.equals(b.operation) &&
          a.qubits.every((q, k) => q === b.qubits[k]) &&
          a.clbits.every((c, k) => c === b.clbits[k]) &&
          conditionsEqual(a.condition, b.condition)
        )
      })
    )
  }
}

/** Global phases are equal modulo 2π (numbers) or as expressions. */
function samePhase(a: ParameterValue, b: ParameterValue): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return valuesEqual(a, b)
  const d = Math.abs(a - b) % (2 * Math.PI)
  return Math.min(d, 2 * Math.PI - d) <= 1e-10
}

registerCircuitFactory({
  createCircuit: (...args) => new QuantumCircuit(...args),
  standardGate: (name, params, options) => standardGate(name, params, options),
  unitaryGate: (matrix, label) => new UnitaryGate(matrix, label),
})
