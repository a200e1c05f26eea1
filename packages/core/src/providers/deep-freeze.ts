/** A value made read-only all the way down. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/**
 * Freezes a plain-data value and everything it contains, in place.
 *
 * @param value - plain data (objects, arrays, primitives)
 * @returns the same value, typed read-only
 * @internal
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value as DeepReadonly<T>
}

/**
 * A deep copy of plain data (objects, arrays, primitives); `undefined` properties are kept.
 * Used instead of `structuredClone`, which core cannot type without the DOM or Node libraries.
 *
 * @param value - plain data
 * @returns an unfrozen copy
 * @internal
 */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = clonePlain(v)
    return out as T
  }
  return value
}
