import type { Instruction } from '../../../circuit/instruction.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import type { ClassicalRegister } from '../../../circuit/register.js'
import type { ExternDeclaration, SubroutineDefinition, TextSpan } from '../ast.js'
import { fail, SilentAbort } from './lowering-error.js'
import type { ClassicalType, Value } from './values.js'

/** A gate that calls can instantiate: built-in, from `stdgates.inc`, or user-defined. */
export interface GateSymbol {
  readonly name: string
  readonly numParams: number
  readonly numQubits: number
  /** Builds the operation for one call's parameter values (a `Gate` unless supplied by the caller). */
  build(params: readonly ParameterValue[]): Instruction
}

/** Qubits: a register, a single qubit or an alias of some, by index in the circuit. */
export interface QubitsSymbol {
  readonly kind: 'qubits'
  readonly indices: readonly number[]
  /** Declared without a size (`qubit q;`): the name is one qubit, not a register. */
  readonly isSingle: boolean
}

/** Classical bits held in the circuit (written by measurements, read by conditions). */
export interface ClbitsSymbol {
  readonly kind: 'clbits'
  readonly indices: readonly number[]
  readonly isSingle: boolean
  /** The register the bits form exactly, if any (needed for register conditions). */
  readonly register?: ClassicalRegister
}

/**
 * A classical value tracked at compile time: constants, inputs (symbolic), loop variables and
 * variables whose every assignment is known while lowering. A `bit` variable initialised to a
 * constant lives here until a measurement writes it; then it becomes {@link ClbitsSymbol}.
 */
export interface ValueSymbol {
  readonly kind: 'value'
  value: Value
  readonly type: ClassicalType | undefined
  readonly isConst: boolean
  /** The dynamic level the variable was declared at (see `LoweringContext.dynamicLevel`). */
  readonly level: number
  /** The span of the declaration, for messages. */
  readonly span: TextSpan
}

/** Every kind of name a scope can hold. */
export type ScopeSymbol =
  | QubitsSymbol
  | ClbitsSymbol
  | ValueSymbol
  | { readonly kind: 'gate'; readonly gate: GateSymbol }
  | { readonly kind: 'subroutine'; readonly node: SubroutineDefinition }
  | { readonly kind: 'extern'; readonly node: ExternDeclaration }
  | { readonly kind: 'poisoned' }

/** What an isolated scope (a gate body) may still see of its enclosing scopes. */
function isVisibleAcrossIsolation(symbol: ScopeSymbol): boolean {
  return (
    symbol.kind === 'gate' ||
    symbol.kind === 'poisoned' ||
    (symbol.kind === 'value' && symbol.isConst)
  )
}

/**
 * A lexical scope of the program. Lookups walk outwards; a gate body is `isolated`: beyond it
 * only gates and constants are visible, as the OpenQASM 3 scoping rules require.
 */
export class Scope {
  readonly parent: Scope | undefined
  readonly isIsolated: boolean
  readonly #symbols = new Map<string, ScopeSymbol>()

  /**
   * @param parent - the enclosing scope
   * @param isIsolated - whether this is a gate body
   */
  constructor(parent?: Scope, isIsolated = false) {
    this.parent = parent
    this.isIsolated = isIsolated
  }

  /**
   * The symbol a name refers to here, or undefined.
   *
   * @param name - the name
   * @returns the innermost visible symbol
   */
  lookup(name: string): ScopeSymbol | undefined {
    // Most lookups hit the innermost scope (or the global one, which has no parent).
    const own = this.#symbols.get(name)
    if (own !== undefined) return own
    const parent = this.parent
    return parent === undefined ? undefined : parent.#lookup(name, this.isIsolated)
  }

  #lookup(name: string, isIsolated: boolean): ScopeSymbol | undefined {
    const symbol = this.#symbols.get(name)
    if (symbol !== undefined && (!isIsolated || isVisibleAcrossIsolation(symbol))) return symbol
    const parent = this.parent
    return parent === undefined ? undefined : parent.#lookup(name, isIsolated || this.isIsolated)
  }

  /**
   * Like {@link lookup}, but failing for an unknown name, and unwinding silently for a name
   * whose declaration already failed.
   *
   * @throws LoweringError `qasm3.semantic.undefined-identifier`
   */
  require(name: string, span: TextSpan): ScopeSymbol {
    const symbol = this.lookup(name)
    if (symbol === undefined) {
      fail('qasm3.semantic.undefined-identifier', `'${name}' is not defined`, span)
    }
    if (symbol.kind === 'poisoned') throw new SilentAbort()
    return symbol
  }

  /** Whether this very scope declares `name`. */
  declaresLocally(name: string): boolean {
    return this.#symbols.has(name)
  }

  /**
   * Declares a name in this scope.
   *
   * @throws LoweringError `qasm3.semantic.redeclaration` if this scope already has it
   */
  declare(name: string, symbol: ScopeSymbol, span: TextSpan): void {
    const existing = this.#symbols.get(name)
    if (existing !== undefined && existing.kind !== 'poisoned') {
      fail('qasm3.semantic.redeclaration', `'${name}' is already declared in this scope`, span)
    }
    this.#symbols.set(name, symbol)
  }

  /** Replaces the symbol of a name declared in this scope (a bit variable turning runtime). */
  replace(name: string, symbol: ScopeSymbol): void {
    this.#symbols.set(name, symbol)
  }

  /** Marks a name whose declaration failed, so later uses stay quiet. */
  poison(name: string): void {
    if (!this.#symbols.has(name)) this.#symbols.set(name, { kind: 'poisoned' })
  }

  /** The scope (this one or an enclosing one) that declares `name`. */
  owner(name: string): Scope | undefined {
    return this.#symbols.has(name) ? this : this.parent?.owner(name)
  }

  /** The outermost scope. */
  root(): Scope {
    return this.parent === undefined ? this : this.parent.root()
  }
}
