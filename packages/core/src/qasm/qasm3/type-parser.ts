import type {
  ArrayReferenceType,
  ArrayType,
  Expression,
  QubitType,
  ScalarType,
  ScalarTypeName,
} from './ast.js'
import { ParserBase } from './parser-base.js'
import { TK, type TokenKind } from './token-kind.js'

const SCALAR_NAMES = new Map<number, ScalarTypeName>([
  [TK.KwBit, 'bit'],
  [TK.KwInt, 'int'],
  [TK.KwUint, 'uint'],
  [TK.KwFloat, 'float'],
  [TK.KwAngle, 'angle'],
  [TK.KwBool, 'bool'],
  [TK.KwDuration, 'duration'],
  [TK.KwStretch, 'stretch'],
  [TK.KwComplex, 'complex'],
])

/** Scalar types that take a `[size]` designator. */
const SIZED = new Set<ScalarTypeName>(['bit', 'int', 'uint', 'float', 'angle'])

/**
 * The type layer of the parser: scalar types with designators, `complex[…]`, arrays and array
 * references, and qubit types.
 */
export abstract class TypeParser extends ParserBase {
  /** Parses an expression (implemented by the expression layer). */
  protected abstract expression(): Expression

  /** Whether `kind` starts a scalar or array type. */
  protected isTypeStart(kind: TokenKind): boolean {
    return SCALAR_NAMES.has(kind) || kind === TK.KwArray
  }

  /** Whether `kind` starts a scalar type. */
  protected isScalarTypeStart(kind: TokenKind): boolean {
    return SCALAR_NAMES.has(kind)
  }

  /** `[ expression ]`. */
  protected designator(): Expression {
    this.expect(TK.LBracket)
    const size = this.expression()
    this.expect(TK.RBracket, 'to close the designator')
    return size
  }

  /** A scalar type; the current token must be one of the scalar type keywords. */
  protected scalarType(): ScalarType {
    const first = this.pos
    const name = SCALAR_NAMES.get(this.peek())
    if (name === undefined) {
      return this.fail(
        'qasm3.parse.expected-type',
        `expected a type, found ${this.describeCurrent()}`,
      )
    }
    this.pos++
    if (name === 'complex' && this.at(TK.LBracket)) {
      this.pos++
      const component = this.scalarType()
      this.expect(TK.RBracket, 'to close the complex type')
      return { kind: 'ScalarType', name, size: undefined, component, span: this.spanFrom(first) }
    }
    if (SIZED.has(name) && this.at(TK.LBracket)) {
      const size = this.designator()
      return { kind: 'ScalarType', name, size, component: undefined, span: this.spanFrom(first) }
    }
    return {
      kind: 'ScalarType',
      name,
      size: undefined,
      component: undefined,
      span: this.spanFrom(first),
    }
  }

  /** `array[scalar, d0, d1, …]`. */
  protected arrayType(): ArrayType {
    const first = this.expect(TK.KwArray)
    this.expect(TK.LBracket, "after 'array'")
    const element = this.scalarType()
    const dimensions: Expression[] = []
    while (this.eat(TK.Comma) && !this.at(TK.RBracket)) dimensions.push(this.expression())
    this.expect(TK.RBracket, 'to close the array type')
    return { kind: 'ArrayType', element, dimensions, span: this.spanFrom(first) }
  }

  /** A scalar or array type. */
  protected scalarOrArrayType(): ScalarType | ArrayType {
    return this.at(TK.KwArray) ? this.arrayType() : this.scalarType()
  }

  /** `readonly array[…]` / `mutable array[…, #dim = n]`. */
  protected arrayReferenceType(): ArrayReferenceType {
    const first = this.pos
    const access = this.at(TK.KwReadonly) ? 'readonly' : 'mutable'
    this.pos++
    this.expect(TK.KwArray, `after '${access}'`)
    this.expect(TK.LBracket, "after 'array'")
    const element = this.scalarType()
    this.expect(TK.Comma, 'after the element type')
    let dimensions: ArrayReferenceType['dimensions']
    if (this.eat(TK.Dim)) {
      this.expect(TK.Equals, "after '#dim'")
      dimensions = { count: this.expression() }
    } else {
      const sizes = [this.expression()]
      while (this.eat(TK.Comma) && !this.at(TK.RBracket)) sizes.push(this.expression())
      dimensions = sizes
    }
    this.expect(TK.RBracket, 'to close the array type')
    return { kind: 'ArrayReferenceType', access, element, dimensions, span: this.spanFrom(first) }
  }

  /** `qubit` or `qubit[n]`. */
  protected qubitType(): QubitType {
    const first = this.expect(TK.KwQubit)
    if (!this.at(TK.LBracket))
      return { kind: 'QubitType', size: undefined, span: this.spanFrom(first) }
    const size = this.designator()
    return { kind: 'QubitType', size, span: this.spanFrom(first) }
  }
}
