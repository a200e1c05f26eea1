import type { Clbit, Qubit } from '../../circuit/bit.js'
import type { Parameter } from '../../circuit/parameter.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { ClassicalRegister, QuantumRegister } from '../../circuit/register.js'
import { QasmExportError } from '../qasm-error.js'
import { GateDefiner, STDGATES_DECLARED } from './export/gate-definer.js'
import { NameTable } from './export/name-table.js'
import { StatementWriter, type WriterScope } from './export/statement-writer.js'

/** Options of {@link toQasm3}. */
export interface Qasm3ExportOptions {
  /** One level of indentation (default two spaces). */
  readonly indent?: string | undefined
  /**
   * Gate names written as calls without a definition, because the reader knows them (Qiskit's
   * `basis_gates`); `stdgates.inc` gates never need one.
   */
  readonly basisGates?: readonly string[] | undefined
}

/** How each bit of the circuit is written, and the declarations that make those names valid. */
interface BitNames {
  readonly names: string[]
  readonly declarations: string[]
}

/**
 * Names the bits of one kind: registers in circuit order as `name[i]`, loose bits one by one
 * (`qubit _qubit3;`), or hardware qubits `$i` when a circuit has qubits but no quantum register.
 *
 * @throws QasmExportError when registers overlap or their bits are not contiguous in order
 */
function nameBits<TBit extends Qubit | Clbit>(
  bits: readonly TBit[],
  registers: readonly (QuantumRegister | ClassicalRegister)[],
  options: { keyword: 'qubit' | 'bit'; names: NameTable; registerNames: Map<unknown, string> },
): BitNames {
  const { keyword, names } = options
  if (keyword === 'qubit' && registers.length === 0) {
    return { names: bits.map((_, i) => `$${i}`), declarations: [] }
  }
  const start = new Map<unknown, QuantumRegister | ClassicalRegister>()
  for (const register of registers) {
    const first = register.bits[0]
    if (first !== undefined) start.set(first, register)
  }
  const out: string[] = []
  const declarations: string[] = []
  for (let i = 0; i < bits.length;) {
    const register = start.get(bits[i])
    if (register === undefined) {
      const name = names.take(`_${keyword}${i}`)
      declarations.push(`${keyword} ${name};`)
      out.push(name)
      i++
      continue
    }
    const regBits = register.bits as readonly unknown[]
    if (!regBits.every((b, k) => bits[i + k] === b)) {
      throw new QasmExportError(
        `the bits of register '${register.name}' are not contiguous in the circuit`,
      )
    }
    const name = names.take(register.name)
    options.registerNames.set(register, name)
    declarations.push(`${keyword}[${regBits.length}] ${name};`)
    for (let k = 0; k < regBits.length; k++) out.push(`${name}[${k}]`)
    i += regBits.length
  }
  return { names: out, declarations }
}

/**
 * Writes a circuit as an OpenQASM 3 program, with the semantics of Qiskit's `qasm3.dumps`:
 * `include "stdgates.inc"`, free parameters as `input float[64]`, one `qubit[n]`/`bit[n]`
 * declaration per register, standard gates by their `stdgates.inc` names, other gates from
 * their definitions as `gate` statements (once each, names made unique), controlled gates as
 * `ctrl @`, measurements as `c[0] = measure q[0];`, conditions and `IfElseOp` as `if`, loops,
 * `box`, delays with units, and the global phase as `gphase`. `parseQasm3` reads the result
 * back to an equivalent circuit.
 *
 * @param circuit - the circuit
 * @param options - indentation, basis gates
 * @returns the program text
 * @throws QasmExportError for what OpenQASM 3 cannot express: opaque gates, symbolic delays,
 *   gate definitions with non-gate operations, registers whose bits are not contiguous
 * @example
 * ```ts
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0)
 * toQasm3(qc)
 * // OPENQASM 3.0;
 * // include "stdgates.inc";
 * // qubit[2] q;
 * // bit[2] c;
 * // h q[0];
 * // cx q[0], q[1];
 * // c[0] = measure q[0];
 * ```
 */
export function toQasm3(circuit: QuantumCircuit, options: Qasm3ExportOptions = {}): string {
  const indent = options.indent ?? '  '
  const basisGates = new Set(options.basisGates ?? [])
  const names = new NameTable([...STDGATES_DECLARED, ...basisGates])
  const parameterNames = new Map<Parameter, string>()
  const inputs: string[] = []
  for (const parameter of circuit.parameters) {
    const name = names.take(parameter.name)
    parameterNames.set(parameter, name)
    inputs.push(`input float[64] ${name};`)
  }
  const registerNames = new Map<unknown, string>()
  const qubits = nameBits(circuit.qubits, circuit.qregs, { keyword: 'qubit', names, registerNames })
  const clbits = nameBits(circuit.clbits, circuit.cregs, { keyword: 'bit', names, registerNames })
  const definer = new GateDefiner(names, { indent, basisGates })
  const scope: WriterScope = {
    qubit: (i) => qubits.names[i]!,
    clbit: (i) => clbits.names[i]!,
    register: (r) => {
      const name = registerNames.get(r)
      if (name === undefined)
        throw new QasmExportError(`the register '${r.name}' is not declared in the circuit`)
      return name
    },
    param: (p) => {
      const name = parameterNames.get(p) ?? definer.loopParameterName(p)
      if (name === undefined) throw new QasmExportError(`the parameter '${p.name}' is not in scope`)
      return name
    },
    isGateBody: false,
  }
  const writer = new StatementWriter(indent, definer)
  writer.writeCircuit(circuit, scope, 0)
  const parts = [
    'OPENQASM 3.0;',
    'include "stdgates.inc";',
    ...definer.definitions,
    ...inputs,
    ...qubits.declarations,
    ...clbits.declarations,
    ...writer.lines,
  ]
  return `${parts.join('\n')}\n`
}
