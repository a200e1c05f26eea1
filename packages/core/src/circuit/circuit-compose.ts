import type { Clbit } from './bit.js'
import type { ClbitSpecifier, QubitSpecifier } from './circuit-bits.js'
import { circuitFactory } from './circuit-factory.js'
import { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
import type { Condition } from './condition.js'
import { isControlFlowOp } from './control-flow.js'
import { Instruction } from './instruction.js'
import { addValues } from './parameter-functions.js'
import type { QuantumCircuit } from './quantum-circuit.js'
import { ClassicalRegister } from './register.js'

/** Options of `compose`. */
export interface ComposeOptions {
  /** Where `other`'s qubits go, one entry per qubit of `other` (default: the first ones). */
  readonly qubits?: QubitSpecifier | readonly QubitSpecifier[] | undefined
  /** Where `other`'s clbits go, one entry per clbit of `other` (default: the first ones). */
  readonly clbits?: ClbitSpecifier | readonly ClbitSpecifier[] | undefined
  /** Put `other` before this circuit's instructions instead of after. */
  readonly front?: boolean | undefined
  /** Modify this circuit instead of returning a new one. */
  readonly inplace?: boolean | undefined
}

function bitMap(
  given: readonly number[] | undefined,
  sizes: { readonly needed: number; readonly available: number },
  kind: 'qubit' | 'clbit',
): number[] {
  const { needed, available } = sizes
  if (given === undefined) {
    if (needed > available) {
      throw new RangeError(
        `cannot compose a circuit with ${needed} ${kind}s onto one with ${available}`,
      )
    }
    return Array.from({ length: needed }, (_, i) => i)
  }
  if (given.length !== needed) {
    throw new RangeError(
      `compose maps ${given.length} ${kind}s, but the other circuit has ${needed}`,
    )
  }
  if (new Set(given).size !== given.length)
    throw new RangeError(`compose maps two ${kind}s onto one`)
  return [...given]
}

function flatten<T>(spec: T | readonly T[] | undefined): readonly T[] | undefined {
  if (spec === undefined) return undefined
  return Array.isArray(spec) ? (spec as readonly T[]) : [spec as T]
}

/** A register of `dest` over exactly `bits`, added if none exists. */
function registerOver(
  dest: QuantumCircuit,
  source: ClassicalRegister,
  bits: readonly Clbit[],
): ClassicalRegister {
  const existing = dest.cregs.find(
    (r) => r.size === bits.length && r.bits.every((b, i) => b === bits[i]),
  )
  if (existing !== undefined) return existing
  const taken = new Set([...dest.qregs, ...dest.cregs].map((r) => r.name))
  let name = source.name
  for (let i = 1; taken.has(name); i++) name = `${source.name}_${i}`
  const reg = new ClassicalRegister(bits, name)
  dest.addRegister(reg)
  return reg
}

function mapCondition(
  condition: Condition,
  ctx: { dest: QuantumCircuit; other: QuantumCircuit; clbitMap: readonly number[] },
): Condition {
  if (condition.kind === 'clbit') return { ...condition, clbit: ctx.clbitMap[condition.clbit]! }
  const bits = condition.register.bits.map(
    (b) => ctx.dest.clbits[ctx.clbitMap[ctx.other.clbitIndex(b)]!]!,
  )
  return { ...condition, register: registerOver(ctx.dest, condition.register, bits) }
}

function asCircuit(other: QuantumCircuit | Instruction): QuantumCircuit {
  if (!(other instanceof Instruction)) return other
  const qc = circuitFactory().createCircuit(other.numQubits, other.numClbits)
  return qc.appendRaw(
    circuitInstruction({
      operation: other,
      qubits: qc.qubits.map((_, i) => i),
      clbits: qc.clbits.map((_, i) => i),
    }),
  )
}

/**
 * `other` composed onto `circuit` (Qiskit's `compose`): `other`'s qubits and clbits are placed
 * on the given bits of `circuit` (the first ones by default), after its instructions (or before,
 * with `front`); global phases add; conditions are remapped, adding registers where needed.
 * Composing onto a circuit with no bits at all adopts `other`'s bits and registers.
 *
 * @param circuit - the circuit composed onto (unchanged unless `inplace`)
 * @param other - a circuit, or a single operation
 * @param options - bit maps, `front`, `inplace`
 * @returns the composed circuit (`circuit` itself with `inplace`)
 * @throws RangeError if the bit maps do not fit
 */
export function composeCircuit(
  circuit: QuantumCircuit,
  other: QuantumCircuit | Instruction,
  options: ComposeOptions = {},
): QuantumCircuit {
  const source = asCircuit(other)
  const dest = options.inplace === true ? circuit : circuit.copy()
  const noMaps = options.qubits === undefined && options.clbits === undefined
  if (noMaps && dest.numQubits === 0 && dest.numClbits === 0 && dest.data.length === 0) {
    dest.addBits([...source.qubits, ...source.clbits])
    dest.addRegister(...source.qregs, ...source.cregs)
  }
  const qubitSpecs = flatten(options.qubits)
  const clbitSpecs = flatten(options.clbits)
  const qubitMap = bitMap(
    qubitSpecs?.flatMap((q) => dest.resolveQubits(q)),
    { needed: source.numQubits, available: dest.numQubits },
    'qubit',
  )
  const clbitMap = bitMap(
    clbitSpecs?.flatMap((c) => dest.resolveClbits(c)),
    { needed: source.numClbits, available: dest.numClbits },
    'clbit',
  )
  const ctx = { dest, other: source, clbitMap }
  const mapped: CircuitInstruction[] = source.data.map((inst) => {
    let op = inst.operation
    if (isControlFlowOp(op) && op.condition !== undefined)
      op = op.withCondition(mapCondition(op.condition, ctx))
    return circuitInstruction({
      operation: op,
      qubits: inst.qubits.map((q) => qubitMap[q]!),
      clbits: inst.clbits.map((c) => clbitMap[c]!),
      condition: inst.condition === undefined ? undefined : mapCondition(inst.condition, ctx),
    })
  })
  dest.replaceData(options.front === true ? [...mapped, ...dest.data] : [...dest.data, ...mapped])
  dest.globalPhase = addValues(dest.globalPhase, source.globalPhase)
  return dest
}
