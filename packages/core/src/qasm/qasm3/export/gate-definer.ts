import { ControlledGate, type Gate } from '../../../circuit/gate.js'
import { isStandardGate, standardGate } from '../../../circuit/library/standard-gates.js'
import { Parameter } from '../../../circuit/parameter.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import { QasmExportError } from '../../qasm-error.js'
import { gateOrigin } from '../gate-origins.js'
import { formatValue } from './format-value.js'
import type { NameTable } from './name-table.js'
import { StatementWriter, type GateCaller, type WriterScope } from './statement-writer.js'

/** Standard gates `stdgates.inc` declares, under the names it declares them. */
const STDGATES_NAMES = new Map<string, string>([
  ...[
    'p',
    'x',
    'y',
    'z',
    'h',
    's',
    'sdg',
    't',
    'tdg',
    'sx',
    'rx',
    'ry',
    'rz',
    'cx',
    'cy',
    'cz',
    'cp',
    'crx',
    'cry',
    'crz',
    'ch',
    'swap',
    'ccx',
    'cswap',
    'cu',
    'id',
    'u1',
    'u2',
    'u3',
  ].map((n) => [n, n] as const),
  ['u', 'U'],
])

/** The names `stdgates.inc` declares (never reused for other gates). */
export const STDGATES_DECLARED: readonly string[] = [
  ...STDGATES_NAMES.values(),
  'CX',
  'phase',
  'cphase',
]

function isPlainParameter(value: ParameterValue): value is Parameter {
  return value instanceof Parameter
}

/**
 * The gate written parametrically, if possible: the reader's own origin gate, a standard gate
 * over fresh parameters, or the gate itself when its parameters are distinct plain parameters.
 */
function parametricForm(op: Gate): Gate | undefined {
  const origin = gateOrigin(op)
  if (origin !== undefined) return origin
  if (isStandardGate(op)) {
    const params = op.params.map((_, i) => new Parameter(`_gate_p_${i}`))
    return standardGate(op.name, params, { numCtrlQubits: op.numCtrlQubits })
  }
  const params = op.params
  if (params.length > 0 && params.every(isPlainParameter) && new Set(params).size === params.length)
    return op
  return undefined
}

/**
 * Calls gates and writes the `gate` definitions they need, once each: gates of `stdgates.inc`
 * (and basis gates) by name, controlled gates as `ctrl @`/`negctrl @` of their base, every other
 * gate from its definition, parametrically where the gate allows it. Definitions come out in
 * dependency order; a name whose definition differs from one written before gets a suffix.
 */
export class GateDefiner implements GateCaller {
  /** The definitions, dependencies first. */
  readonly definitions: string[] = []
  readonly #names: NameTable
  readonly #indent: string
  readonly #basis: ReadonlySet<string>
  readonly #byText = new Map<string, string>()
  readonly #loopNames = new Map<Parameter, string>()

  /**
   * @param names - the program's identifiers
   * @param options - indentation and the names written without definitions
   */
  constructor(names: NameTable, options: { indent: string; basisGates: ReadonlySet<string> }) {
    this.#names = names
    this.#indent = options.indent
    this.#basis = options.basisGates
  }

  /** A loop variable's name (the parameter's own name, made unique), or `_` when unused. */
  loopVariable(parameter: Parameter | undefined): string {
    if (parameter === undefined) return '_'
    let name = this.#loopNames.get(parameter)
    if (name === undefined) {
      name = this.#names.take(parameter.name)
      this.#loopNames.set(parameter, name)
    }
    return name
  }

  /** The name a loop parameter was given, if it is one. */
  loopParameterName(parameter: Parameter): string | undefined {
    return this.#loopNames.get(parameter)
  }

  callHead(op: Gate, scope: WriterScope): string {
    const args = (params: readonly ParameterValue[]): string =>
      params.length === 0
        ? ''
        : `(${params.map((p) => formatValue(p, (x) => scope.param(x))).join(', ')})`
    if (isStandardGate(op)) {
      const name = STDGATES_NAMES.get(op.name)
      if (name !== undefined) return `${name}${args(op.params)}`
    }
    if (this.#basis.has(op.name)) return `${op.name}${args(op.params)}`
    if (op instanceof ControlledGate && !isStandardGate(op)) {
      return `${controlModifiers(op)} @ ${this.callHead(op.baseGate, scope)}`
    }
    return `${this.#define(op)}${args(op.params)}`
  }

  /** Writes (or reuses) the definition of `op` and returns the name to call it by. */
  #define(op: Gate): string {
    const parametric = parametricForm(op)
    const form = parametric ?? op
    const definition = form.definition
    if (definition === undefined) {
      throw new QasmExportError(`the gate '${op.name}' has no definition to write out`)
    }
    const paramNames = new Map<Parameter, string>()
    form.params.forEach((p, i) => {
      if (parametric !== undefined && isPlainParameter(p)) paramNames.set(p, `_gate_p_${i}`)
    })
    const writer = new StatementWriter(this.#indent, this)
    const scope: WriterScope = {
      qubit: (i) => `_gate_q_${i}`,
      clbit: () => {
        throw new QasmExportError(`the definition of '${op.name}' uses clbits`)
      },
      register: () => {
        throw new QasmExportError(`the definition of '${op.name}' uses registers`)
      },
      param: (p) => {
        const name = paramNames.get(p)
        if (name === undefined) {
          throw new QasmExportError(
            `the definition of '${op.name}' depends on the free parameter '${p.name}'`,
          )
        }
        return name
      },
      isGateBody: true,
    }
    writer.writeCircuit(definition, scope, 1)
    const params = form.params.map((_, i) => `_gate_p_${i}`)
    const qubits = Array.from({ length: op.numQubits }, (_, i) => `_gate_q_${i}`)
    const signature = `${params.length === 0 ? '' : `(${params.join(', ')})`} ${qubits.join(', ')}`
    const body = writer.lines.length === 0 ? ' {}' : ` {\n${writer.lines.join('\n')}\n}`
    const key = `${op.name}\u0000${signature}${body}`
    const known = this.#byText.get(key)
    if (known !== undefined) return known
    const name = this.#names.take(op.name)
    this.#byText.set(key, name)
    this.definitions.push(`gate ${name}${signature}${body}`)
    return name
  }
}

/** `ctrl(2) @ negctrl @ ctrl` for a controlled gate's controls, in qubit order. */
function controlModifiers(op: ControlledGate): string {
  const parts: string[] = []
  let i = 0
  while (i < op.numCtrlQubits) {
    const state = (op.ctrlState >> i) & 1
    let run = 1
    while (i + run < op.numCtrlQubits && ((op.ctrlState >> (i + run)) & 1) === state) run++
    const word = state === 1 ? 'ctrl' : 'negctrl'
    parts.push(run === 1 ? word : `${word}(${run})`)
    i += run
  }
  return parts.join(' @ ')
}
