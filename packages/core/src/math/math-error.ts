import { QfabricError } from '../internal/qfabric-error.js'

/**
 * A numeric routine could not do what was asked: the input is not unitary, an iteration did not
 * converge, a matrix is not of the required structure. Codes: `math.not-unitary`,
 * `math.no-convergence`, `math.not-local`, `math.unsupported-basis`, `math.not-normal`.
 */
export class MathError extends QfabricError {
  /**
   * @param code - the stable code, `math.*`
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(code: `math.${string}`, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'MathError'
  }
}
