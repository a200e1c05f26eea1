import type { BackendConfiguration } from '../target/backend-configuration.js'
import type { BackendStatus } from '../target/backend-status.js'
import type { Backend } from './backend.js'
import { supportsConfiguration, supportsStatus } from './backend-capabilities.js'
import type { AbortableOptions } from './job.js'

/**
 * Which backends to keep. Every criterion given must hold. Qiskit's `filter_backends(backends,
 * filters=None, **kwargs)` is `{ fields: kwargs, predicate: filters }`.
 */
export interface BackendFilter extends AbortableOptions {
  /** Only the backend with this name. */
  readonly name?: string | undefined
  /** Only backends with at least this many qubits (IBM's `min_num_qubits`). */
  readonly minNumQubits?: number | undefined
  /**
   * Qiskit's keyword filters, classified once for the whole list: a key is a *configuration*
   * filter when it is a declared field of **every** backend's configuration (overflow fields
   * such as `quantum_volume` are not), otherwise a *status* filter. Values match by equality
   * (arrays and objects deeply); a missing value compares as `null`.
   */
  readonly fields?: Readonly<Record<string, unknown>> | undefined
  /** Keys that must match the configuration document (snake_case, JSON form). */
  readonly configuration?: Readonly<Record<string, unknown>> | undefined
  /** Keys that must match a status snapshot (`operational`, `pending_jobs`, `status_msg`, …). */
  readonly status?: Readonly<Record<string, unknown>> | undefined
  /** A last test, applied after all others (Qiskit's `filters` callable). */
  readonly predicate?: ((backend: Backend) => boolean | Promise<boolean>) | undefined
}

/**
 * Filters backends with Qiskit's `filter_backends` semantics, in this order: name and qubit
 * count; configuration filters; status filters (one `status()` call per remaining backend);
 * the predicate. The input order is kept. A backend without a configuration (or status)
 * capability has every configuration (or status) value missing, which matches only `null`.
 *
 * @param backends - the candidates
 * @param filter - the criteria
 * @returns the backends that pass, in input order
 * @example
 * ```ts
 * await filterBackends(all, { fields: { n_qubits: 5, operational: true } })
 * await filterBackends(all, { predicate: (b) => (b.numQubits ?? 0) >= 7 })
 * ```
 */
export async function filterBackends(
  backends: readonly Backend[],
  filter: BackendFilter = {},
): Promise<Backend[]> {
  const { signal } = filter
  let out = backends.filter(
    (b) =>
      (filter.name === undefined || b.name === filter.name) &&
      (filter.minNumQubits === undefined || (b.numQubits ?? Infinity) >= filter.minNumQubits),
  )
  const configurationKeys: Record<string, unknown> = { ...filter.configuration }
  const statusKeys: Record<string, unknown> = { ...filter.status }
  const fields = Object.entries(filter.fields ?? {})
  if (fields.length > 0 || Object.keys(configurationKeys).length > 0) {
    const configurations = await Promise.all(out.map((b) => configurationOf(b, signal)))
    for (const [key, value] of fields) {
      const isConfig = configurations.every((c) => c?.has(key) === true)
      if (isConfig) configurationKeys[key] = value
      else statusKeys[key] = value
    }
    out = out.filter((_, i) => matches(configurationKeys, (key) => configurations[i]?.get(key)))
  }
  if (Object.keys(statusKeys).length > 0) {
    const statuses = await Promise.all(out.map((b) => statusOf(b, signal)))
    out = out.filter((_, i) => matches(statusKeys, (key) => statusValue(statuses[i], key)))
  }
  if (filter.predicate !== undefined) {
    const keep = await Promise.all(out.map(async (b) => filter.predicate!(b)))
    out = out.filter((_, i) => keep[i] === true)
  }
  return out
}

async function configurationOf(
  backend: Backend,
  signal: AbortableOptions['signal'],
): Promise<BackendConfiguration | undefined> {
  return supportsConfiguration(backend) ? backend.configuration({ signal }) : undefined
}

async function statusOf(
  backend: Backend,
  signal: AbortableOptions['signal'],
): Promise<BackendStatus | undefined> {
  return supportsStatus(backend) ? backend.status({ signal }) : undefined
}

/** A status field by its Qiskit (snake_case) name, or by its camelCase property. */
function statusValue(status: BackendStatus | undefined, key: string): unknown {
  if (status === undefined) return undefined
  const json = status.toJSON() as unknown as Record<string, unknown>
  return Object.hasOwn(json, key) ? json[key] : (status as unknown as Record<string, unknown>)[key]
}

function matches(
  wanted: Readonly<Record<string, unknown>>,
  read: (key: string) => unknown,
): boolean {
  return Object.entries(wanted).every(([key, value]) => deepEqual(read(key) ?? null, value ?? null))
}

/** Equality as Python's `==` on JSON-like data: arrays and plain objects element by element. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a)
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    )
  }
  return false
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
}
