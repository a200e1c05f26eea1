import type {
  AliasDeclaration,
  ArgumentDefinition,
  ArrayLiteral,
  ArrayReferenceType,
  CalStatement,
  ClassicalDeclaration,
  ConstDeclaration,
  DefcalStatement,
  Expression,
  ExternDeclaration,
  GateDefinition,
  HardwareQubit,
  Identifier,
  IoDeclaration,
  QubitDeclaration,
  ScalarType,
  SubroutineDefinition,
  TypeNode,
} from './ast.js'
import { ExpressionParser } from './expression-parser.js'
import { TK } from './token-kind.js'

/**
 * The declaration layer of the parser: variables, constants, inputs, aliases, gates,
 * subroutines, externs and calibrations.
 */
export abstract class DeclarationParser extends ExpressionParser {
  /** The identifier at token `i`. */
  protected identifierAt(i: number): Identifier {
    return { kind: 'Identifier', name: this.tokenText(i), span: this.tokenSpan(i) }
  }

  /** `qubit[n] q;` / `qubit q;`. */
  protected qubitDeclaration(first: number): QubitDeclaration {
    const type = this.qubitType()
    const name = this.identifierAt(this.expectIdentifier('to name the qubits'))
    this.expectSemicolon()
    const size = type.size
    return {
      kind: 'QubitDeclaration',
      name,
      size,
      isOldStyle: false,
      span: this.spanFrom(first),
    }
  }

  /** `qreg q[n];` / `creg c[n];`. */
  protected oldStyleDeclaration(first: number): QubitDeclaration | ClassicalDeclaration {
    const isQuantum = this.at(TK.KwQreg)
    this.pos++
    const name = this.identifierAt(this.expectIdentifier('to name the register'))
    const size = this.at(TK.LBracket) ? this.designator() : undefined
    this.expectSemicolon()
    const span = this.spanFrom(first)
    if (isQuantum) return { kind: 'QubitDeclaration', name, size, isOldStyle: true, span }
    const type: ScalarType = {
      kind: 'ScalarType',
      name: 'bit',
      size,
      component: undefined,
      span: this.tokenSpan(first),
    }
    return { kind: 'ClassicalDeclaration', type, name, init: undefined, isOldStyle: true, span }
  }

  /** `type name [= init];` with the type already parsed. */
  protected classicalDeclaration(
    first: number,
    type: ClassicalDeclaration['type'],
  ): ClassicalDeclaration {
    const name = this.identifierAt(this.expectIdentifier('to name the variable'))
    const init = this.eat(TK.Equals) ? this.declarationValue() : undefined
    this.expectSemicolon()
    return {
      kind: 'ClassicalDeclaration',
      type,
      name,
      init,
      isOldStyle: false,
      span: this.spanFrom(first),
    }
  }

  /** `const type name = value;`. */
  protected constDeclaration(first: number): ConstDeclaration {
    this.expect(TK.KwConst)
    const type = this.scalarType()
    const name = this.identifierAt(this.expectIdentifier('to name the constant'))
    this.expect(TK.Equals, 'in a constant declaration')
    const init = this.declarationValue()
    this.expectSemicolon()
    return { kind: 'ConstDeclaration', type, name, init, span: this.spanFrom(first) }
  }

  /** `input type name;` / `output type name;`. */
  protected ioDeclaration(first: number): IoDeclaration {
    const io = this.at(TK.KwInput) ? 'input' : 'output'
    this.pos++
    const type = this.scalarOrArrayType()
    const name = this.identifierAt(this.expectIdentifier(`to name the ${io}`))
    this.expectSemicolon()
    return { kind: 'IoDeclaration', io, type, name, span: this.spanFrom(first) }
  }

  /** `let name = value ++ value;`. */
  protected aliasDeclaration(first: number): AliasDeclaration {
    this.expect(TK.KwLet)
    const name = this.identifierAt(this.expectIdentifier('to name the alias'))
    this.expect(TK.Equals, 'in an alias')
    const value = this.concatenation()
    this.expectSemicolon()
    return { kind: 'AliasDeclaration', name, value, span: this.spanFrom(first) }
  }

  /** An expression optionally joined by `++`. */
  protected concatenation(): Expression {
    const first = this.pos
    const head = this.expression()
    if (!this.at(TK.DoublePlus)) return head
    const parts = [head]
    while (this.eat(TK.DoublePlus)) parts.push(this.expression())
    return { kind: 'ConcatenationExpression', parts, span: this.spanFrom(first) }
  }

  /** The right-hand side of a declaration or assignment: also `measure q` and `{…}`. */
  protected declarationValue(): Expression {
    if (this.at(TK.LBrace)) return this.arrayLiteral()
    if (this.at(TK.KwMeasure)) {
      const first = this.pos++
      const operand = this.gateOperand()
      return { kind: 'MeasureExpression', operand, span: this.spanFrom(first) }
    }
    return this.concatenation()
  }

  /** `{ e, {e, e}, … }`. */
  protected arrayLiteral(): ArrayLiteral {
    const first = this.expect(TK.LBrace)
    const elements: (Expression | ArrayLiteral)[] = []
    while (!this.at(TK.RBrace)) {
      elements.push(this.at(TK.LBrace) ? this.arrayLiteral() : this.expression())
      if (!this.eat(TK.Comma)) break
    }
    this.expect(TK.RBrace, 'to close the array literal')
    return { kind: 'ArrayLiteral', elements, span: this.spanFrom(first) }
  }

  /** `gate name(params) a, b { … }`. */
  protected gateDefinition(first: number): GateDefinition {
    this.expect(TK.KwGate)
    const name = this.identifierAt(this.expectIdentifier("after 'gate'"))
    const params: Identifier[] = []
    if (this.eat(TK.LParen)) {
      while (!this.at(TK.RParen)) {
        params.push(this.identifierAt(this.expectIdentifier('as a gate parameter')))
        if (!this.eat(TK.Comma)) break
      }
      this.expect(TK.RParen, 'to close the gate parameters')
    }
    const qubits: Identifier[] = []
    while (this.at(TK.Identifier)) {
      qubits.push(this.identifierAt(this.pos++))
      if (!this.eat(TK.Comma)) break
    }
    if (qubits.length === 0) this.expectIdentifier('naming a gate qubit')
    const body = this.block()
    return { kind: 'GateDefinition', name, params, qubits, body, span: this.spanFrom(first) }
  }

  /** One subroutine argument: `qubit[2] q`, `int n`, `creg c[2]`, `readonly array[…] a`. */
  protected argumentDefinition(): ArgumentDefinition {
    const first = this.pos
    let type: TypeNode
    if (this.at(TK.KwQubit)) type = this.qubitType()
    else if (this.at(TK.KwQreg) || this.at(TK.KwCreg)) {
      const isQuantum = this.at(TK.KwQreg)
      this.pos++
      const name = this.identifierAt(this.expectIdentifier('to name the argument'))
      const size = this.at(TK.LBracket) ? this.designator() : undefined
      const span = this.tokenSpan(first)
      type = isQuantum
        ? { kind: 'QubitType', size, span }
        : { kind: 'ScalarType', name: 'bit', size, component: undefined, span }
      return { kind: 'ArgumentDefinition', type, name, span: this.spanFrom(first) }
    } else if (this.at(TK.KwReadonly) || this.at(TK.KwMutable)) type = this.arrayReferenceType()
    else type = this.scalarType()
    const name = this.identifierAt(this.expectIdentifier('to name the argument'))
    return { kind: 'ArgumentDefinition', type, name, span: this.spanFrom(first) }
  }

  /** `-> type` if present. */
  protected returnSignature(): ScalarType | undefined {
    if (!this.eat(TK.Arrow)) return undefined
    return this.scalarType()
  }

  /** `def name(args) -> type { … }`. */
  protected subroutineDefinition(first: number): SubroutineDefinition {
    this.expect(TK.KwDef)
    const name = this.identifierAt(this.expectIdentifier("after 'def'"))
    this.expect(TK.LParen, 'after the subroutine name')
    const args: ArgumentDefinition[] = []
    while (!this.at(TK.RParen)) {
      args.push(this.argumentDefinition())
      if (!this.eat(TK.Comma)) break
    }
    this.expect(TK.RParen, 'to close the arguments')
    const returnType = this.returnSignature()
    const body = this.block()
    return {
      kind: 'SubroutineDefinition',
      name,
      args,
      returnType,
      body,
      span: this.spanFrom(first),
    }
  }

  /** `extern name(types) -> type;`. */
  protected externDeclaration(first: number): ExternDeclaration {
    this.expect(TK.KwExtern)
    const name = this.identifierAt(this.expectIdentifier("after 'extern'"))
    this.expect(TK.LParen, 'after the extern name')
    const args: (ScalarType | ArrayReferenceType)[] = []
    while (!this.at(TK.RParen)) {
      args.push(this.externArgument())
      if (!this.eat(TK.Comma)) break
    }
    this.expect(TK.RParen, 'to close the arguments')
    const returnType = this.returnSignature()
    this.expectSemicolon()
    return {
      kind: 'ExternDeclaration',
      name,
      args,
      returnType,
      span: this.spanFrom(first),
    }
  }

  private externArgument(): ScalarType | ArrayReferenceType {
    const first = this.pos
    let type: ScalarType | ArrayReferenceType
    if (this.eat(TK.KwCreg)) {
      const size = this.at(TK.LBracket) ? this.designator() : undefined
      type = {
        kind: 'ScalarType',
        name: 'bit',
        size,
        component: undefined,
        span: this.spanFrom(first),
      }
    } else if (this.at(TK.KwReadonly) || this.at(TK.KwMutable)) type = this.arrayReferenceType()
    else type = this.scalarType()
    // An argument name is allowed (and ignored) for readability.
    this.eat(TK.Identifier)
    return type
  }

  /** `{ opaque }` of `cal`/`defcal`: the lexer already isolated the body. */
  private calibrationBlock(): string {
    this.expect(TK.LBrace, 'to open the calibration block')
    let body = ''
    if (this.at(TK.CalibrationBody)) body = this.tokenText(this.pos++)
    this.expect(TK.RBrace, 'to close the calibration block')
    return body
  }

  /** `cal { … }`. */
  protected calStatement(first: number): CalStatement {
    this.expect(TK.KwCal)
    const body = this.calibrationBlock()
    return { kind: 'CalStatement', body, span: this.spanFrom(first) }
  }

  /** `defcal target(args) operands -> type { … }`. */
  protected defcalStatement(first: number): DefcalStatement {
    this.expect(TK.KwDefcal)
    const kind = this.peek()
    if (
      kind !== TK.Identifier &&
      kind !== TK.KwMeasure &&
      kind !== TK.KwReset &&
      kind !== TK.KwDelay
    ) {
      this.expectIdentifier("after 'defcal'")
    }
    const name = this.identifierAt(this.pos++)
    let args: (Expression | ArgumentDefinition)[] | undefined
    if (this.eat(TK.LParen)) {
      args = []
      while (!this.at(TK.RParen)) {
        args.push(
          this.isScalarTypeStart(this.peek()) ? this.argumentDefinition() : this.expression(),
        )
        if (!this.eat(TK.Comma)) break
      }
      this.expect(TK.RParen, 'to close the arguments')
    }
    const operands: (Identifier | HardwareQubit)[] = []
    while (this.atOperandStart()) {
      const operand = this.gateOperand()
      if (operand.kind === 'IndexExpression') {
        this.fail('qasm3.parse.unexpected-token', 'defcal operands cannot be indexed', operand.span)
      }
      operands.push(operand)
      if (!this.eat(TK.Comma)) break
    }
    const returnType = this.returnSignature()
    const body = this.calibrationBlock()
    return {
      kind: 'DefcalStatement',
      name,
      args,
      operands,
      returnType,
      body,
      span: this.spanFrom(first),
    }
  }
}
