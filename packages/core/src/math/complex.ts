/**
 * An immutable complex number. Hot loops work on interleaved `Float64Array`s instead; this type
 * is for scalars in APIs and tests.
 */
export class Complex {
  static readonly ZERO = new Complex(0, 0)
  static readonly ONE = new Complex(1, 0)
  static readonly I = new Complex(0, 1)

  constructor(
    readonly re: number,
    readonly im = 0,
  ) {}

  /** `r·e^{iθ}`. */
  static fromPolar(r: number, theta: number): Complex {
    return new Complex(r * Math.cos(theta), r * Math.sin(theta))
  }

  /** `e^{iθ}`. */
  static expi(theta: number): Complex {
    return new Complex(Math.cos(theta), Math.sin(theta))
  }

  add(o: Complex | number): Complex {
    return typeof o === 'number'
      ? new Complex(this.re + o, this.im)
      : new Complex(this.re + o.re, this.im + o.im)
  }

  sub(o: Complex | number): Complex {
    return typeof o === 'number'
      ? new Complex(this.re - o, this.im)
      : new Complex(this.re - o.re, this.im - o.im)
  }

  mul(o: Complex | number): Complex {
    if (typeof o === 'number') return new Complex(this.re * o, this.im * o)
    return new Complex(this.re * o.re - this.im * o.im, this.re * o.im + this.im * o.re)
  }

  div(o: Complex | number): Complex {
    if (typeof o === 'number') return new Complex(this.re / o, this.im / o)
    const d = o.re * o.re + o.im * o.im
    return new Complex((this.re * o.re + this.im * o.im) / d, (this.im * o.re - this.re * o.im) / d)
  }

  neg(): Complex {
    return new Complex(-this.re, -this.im)
  }

  conj(): Complex {
    return new Complex(this.re, -this.im)
  }

  /** The modulus `|z|`. */
  abs(): number {
    return Math.hypot(this.re, this.im)
  }

  /** `|z|²`. */
  abs2(): number {
    return this.re * this.re + this.im * this.im
  }

  /** The argument in (-π, π]. */
  arg(): number {
    return Math.atan2(this.im, this.re)
  }

  exp(): Complex {
    return Complex.fromPolar(Math.exp(this.re), this.im)
  }

  /** The principal square root. */
  sqrt(): Complex {
    return Complex.fromPolar(Math.sqrt(this.abs()), this.arg() / 2)
  }

  equals(o: Complex | number, atol = 1e-10): boolean {
    const c = typeof o === 'number' ? new Complex(o, 0) : o
    return Math.abs(this.re - c.re) <= atol && Math.abs(this.im - c.im) <= atol
  }

  toString(): string {
    if (this.im === 0) return `${this.re}`
    return `${this.re}${this.im < 0 ? '-' : '+'}${Math.abs(this.im)}j`
  }
}

/** Shorthand for `new Complex(re, im)`. */
export function complex(re: number, im = 0): Complex {
  return new Complex(re, im)
}
