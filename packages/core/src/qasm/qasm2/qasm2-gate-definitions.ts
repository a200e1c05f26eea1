import type { CircuitInstruction } from '../../circuit/circuit-instruction.js'
import { Barrier, Delay, Measure, Reset } from '../../circuit/directives.js'
import type { Instruction } from '../../circuit/instruction.js'
import {
  isStandardGate,
  standardGate,
  type StandardGate,
} from '../../circuit/library/standard-gates.js'
import { Parameter } from '../../circuit/parameter.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { QasmExportError } from '../qasm-error.js'
import { formatQasm2Value } from './format-qasm2-value.js'
import { claimUniqueName, escapeQasm2Name } from './qasm2-names.js'
import { Qasm2Gate } from './qasm2-gate.js'
import { synthesizedDefinition } from './unitary-definition.js'

/** How an operation is called: the name it is declared under, and whether it takes its params. */
export interface CallSite {
  readonly name: string
  /** Whether the definition is parameterised (else the values are baked into its body). */
  readonly takesParams: boolean
}

/** Standard gates `qelib1.inc` provides, by our name → its name (fixed-size gates). */
const QELIB1_NAMES: ReadonlyMap<string, string> = new Map([
  ...[
    'u3',
    'u2',
    'u1',
    'cx',
    'id',
    'u',
    'p',
    'x',
    'y',
    'z',
    'h',
    's',
    'sdg',
    't',
    'tdg',
    'rx',
    'ry',
    'rz',
    'sx',
    'sxdg',
    'cz',
    'cy',
    'swap',
    'ch',
    'ccx',
    'cswap',
    'crx',
    'cry',
    'crz',
    'cu1',
    'cp',
    'cu3',
    'csx',
    'cu',
    'rxx',
    'rzz',
    'rccx',
    'c3x',
  ].map((name) => [name, name] as const),
  ['rcccx', 'rc3x'],
  ['c3sx', 'c3sqrtx'],
])

/** `mcx` with 1–4 controls and `mcp` with 1 have `qelib1.inc` names. */
const MCX_NAMES = ['cx', 'ccx', 'c3x', 'c4x']

/** The names `qelib1.inc` declares: a definition must never take one of them. */
export const QELIB1_DECLARED_NAMES: readonly string[] = [...QELIB1_NAMES.values(), 'u0', 'c4x']

const FIXED_PARAMETERS: Parameter[] = []

function fixedParameters(count: number): Parameter[] {
  while (FIXED_PARAMETERS.length < count)
    FIXED_PARAMETERS.push(new Parameter(`param${FIXED_PARAMETERS.length}`))
  return FIXED_PARAMETERS.slice(0, count)
}

/** The `qelib1.inc` name of a standard gate, if it has one. */
function qelib1Name(gate: StandardGate): string | undefined {
  if (gate.name === 'mcx') return MCX_NAMES[(gate.numCtrlQubits ?? 0) - 1]
  if (gate.name === 'mcp') return gate.numCtrlQubits === 1 ? 'cp' : undefined
  return QELIB1_NAMES.get(gate.name)
}

/**
 * Collects the `gate`/`opaque` declarations an export needs (Qiskit's `_define_custom_operation`):
 * each distinct operation is declared once, after the gates its body uses, under a valid name no
 * register, keyword, `qelib1.inc` gate or other declaration uses. Parameterised definitions are
 * written over `param0, param1, …` whenever the operation can be rebuilt with symbolic
 * parameters (standard gates, gates parsed from OpenQASM, `toGate()` circuits); otherwise each
 * distinct parameter set gets its own baked definition.
 */
export class GateDefinitions {
  readonly #taken: Set<string>
  readonly #declarations: string[] = []
  /** Cache by operation identity (or template / standard signature): the expensive part. */
  readonly #byKey = new Map<unknown, CallSite>()
  /** Declaration text (with a placeholder name) → declared name: equal definitions share one. */
  readonly #byText = new Map<string, string>()

  /**
   * @param taken - names already in use (registers, keywords, `qelib1.inc`); updated
   */
  constructor(taken: Set<string>) {
    this.#taken = taken
  }

  /** The declarations, in an order where every gate is declared before it is used. */
  get declarations(): readonly string[] {
    return this.#declarations
  }

  /**
   * How to call `op`, declaring it (and what its body uses) first if needed.
   *
   * @param op - a gate-like operation (no clbits)
   * @returns its call-site name and whether it takes its parameters
   * @throws QasmExportError if OpenQASM 2 cannot declare it
   */
  callSite(op: Instruction): CallSite {
    if (isStandardGate(op)) {
      const name = qelib1Name(op)
      if (name !== undefined) return { name, takesParams: true }
    }
    const kind = kindKey(op)
    const cached =
      this.#byKey.get(kind ?? op) ?? (kind === undefined ? undefined : this.#byKey.get(op))
    if (cached !== undefined) return cached
    const site = this.#declare(op)
    // A kind shares one declaration only when it is parameterised; baked ones are per object.
    this.#byKey.set(
      kind !== undefined && (site.takesParams || op.params.length === 0) ? kind : op,
      site,
    )
    return site
  }

  #declare(op: Instruction): CallSite {
    if (op.numClbits !== 0) {
      throw new QasmExportError(
        `OpenQASM 2 cannot declare '${op.name}', which acts on ${op.numClbits} classical bits`,
      )
    }
    if (op.numQubits === 0) {
      throw new QasmExportError(`OpenQASM 2 cannot declare '${op.name}', which acts on no qubits`)
    }
    const wanted = escapeQasm2Name(
      isStandardGate(op) && op.numCtrlQubits !== undefined
        ? `${op.name}_${op.numCtrlQubits}`
        : op.name,
      'gate_',
    )
    const qubits = Array.from({ length: op.numQubits }, (_, i) => `q${i}`).join(',')
    const parameterised = parameterisedDefinition(op)
    const definition = parameterised?.definition ?? op.definition ?? synthesizedDefinition(op)
    const numParams = parameterised === undefined && definition !== undefined ? 0 : op.params.length
    const header =
      numParams === 0
        ? ''
        : `(${fixedParameters(numParams)
            .map((p) => p.name)
            .join(',')})`
    const text =
      definition === undefined
        ? `opaque \u0000${header} ${qubits};`
        : `gate \u0000${header} ${qubits} { ${this.#body(definition, parameterised?.names ?? new Map())}}`
    const signature = `${wanted}\u0001${text}`
    let name = this.#byText.get(signature)
    if (name === undefined) {
      name = claimUniqueName(wanted, this.#taken)
      this.#byText.set(signature, name)
      this.#declarations.push(text.replace('\u0000', name))
    }
    return { name, takesParams: numParams > 0 }
  }

  #body(definition: QuantumCircuit, names: ReadonlyMap<Parameter, string>): string {
    let body = ''
    for (const inst of definition.data) {
      const statement = this.#bodyStatement(inst, names)
      if (statement !== undefined) body += `${statement} `
    }
    return body
  }

  #bodyStatement(
    inst: CircuitInstruction,
    names: ReadonlyMap<Parameter, string>,
  ): string | undefined {
    const op = inst.operation
    if (inst.condition !== undefined || op.numClbits !== 0 || inst.clbits.length !== 0) {
      throw new QasmExportError(
        `OpenQASM 2 gate definitions cannot contain '${op.name}' (it reads or writes classical bits)`,
      )
    }
    const qubits = inst.qubits.map((q) => `q${q}`).join(',')
    if (op instanceof Barrier) return qubits === '' ? undefined : `barrier ${qubits};`
    if (op.name === 'global_phase' && isStandardGate(op)) return undefined
    if (op instanceof Measure || op instanceof Reset || op instanceof Delay || 'blocks' in op) {
      throw new QasmExportError(`OpenQASM 2 gate definitions cannot contain '${op.name}'`)
    }
    const site = this.callSite(op)
    const params =
      site.takesParams && op.params.length > 0
        ? `(${op.params.map((p) => formatQasm2Value(p, names)).join(',')})`
        : ''
    return `${site.name}${params} ${qubits};`
  }
}

/** A key shared by every instance of the same gate kind: its template, or its standard name. */
function kindKey(op: Instruction): unknown {
  if (op instanceof Qasm2Gate) return op.template
  if (isStandardGate(op)) return `std:${op.name}:${op.numQubits}`
  return undefined
}

/**
 * The definition of `op` over symbolic `param0, param1, …`, when `op` can be rebuilt that way
 * and the result uses no other free parameter.
 */
function parameterisedDefinition(
  op: Instruction,
): { definition: QuantumCircuit; names: ReadonlyMap<Parameter, string> } | undefined {
  if (op.params.length === 0) return undefined
  const fixed = fixedParameters(op.params.length)
  let definition: QuantumCircuit | undefined
  try {
    const rebuilt = isStandardGate(op)
      ? standardGate(op.name, fixed, { numCtrlQubits: op.numCtrlQubits })
      : op.withParams(fixed)
    definition = rebuilt.definition
  } catch {
    return undefined
  }
  if (definition === undefined) return undefined
  const names = new Map(fixed.map((p) => [p, p.name] as const))
  if (!definition.parameters.every((p) => names.has(p))) return undefined
  return { definition, names }
}

/** The parameter values to write at a call site. */
export function callParams(
  site: CallSite,
  params: readonly ParameterValue[],
): readonly ParameterValue[] {
  return site.takesParams ? params : []
}
