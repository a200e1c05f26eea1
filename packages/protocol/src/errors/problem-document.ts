import type { FieldError, ProblemDocument } from '../schemas/problem-document.js'
import {
  SERVICE_ERROR_CODES,
  isServiceErrorCode,
  type ServiceErrorCode,
} from './service-error-codes.js'

/** Where problem types live: `type` is `/errors/<code>`, resolved against the server's URL. */
export const PROBLEM_TYPE_PREFIX = '/errors/'

/** Optional members of a problem document (everything but `type/title/status/code/detail`). */
export interface ProblemExtras {
  /** Override of the `type` URI (default `/errors/<code>`, or `<typeBase>/errors/<code>`). */
  readonly type?: string
  /** Absolute base (`https://q.example.com`) for `type`; default relative. */
  readonly typeBase?: string
  readonly instance?: string
  /** Override of the table's `retryable`. */
  readonly retryable?: boolean
  readonly retry_after_seconds?: number
  readonly trace_id?: string
  readonly errors?: readonly FieldError[]
  readonly solution?: string
  readonly job_status?: string | null
}

/**
 * The problem `type` URI of a code.
 *
 * @param code - a service error code
 * @param typeBase - an absolute base URL, or omitted for a relative reference
 * @returns e.g. `/errors/not_found` or `https://q.example.com/errors/not_found`
 */
export function problemTypeUri(code: ServiceErrorCode, typeBase?: string): string {
  const base = typeBase === undefined ? '' : typeBase.replace(/\/+$/, '')
  return `${base}${PROBLEM_TYPE_PREFIX}${code}`
}

/**
 * Builds the problem document of an error code: `type`, `title`, `status` and `retryable` come
 * from {@link SERVICE_ERROR_CODES}, so they are the same wherever the code is used.
 *
 * @param code - the stable error code
 * @param detail - what happened in this occurrence (shown to users; no secrets)
 * @param extras - optional members (`errors`, `retry_after_seconds`, `trace_id`, …)
 * @returns the document, ready to serialise as `application/problem+json`
 * @throws TypeError when `code` is not a known code
 * @example
 * ```ts
 * problemDocument('pending_job_limit_exceeded', 'acme/research/vqe has 50 of 50 pending jobs', {
 *   retry_after_seconds: 30,
 * })
 * // { type: '/errors/pending_job_limit_exceeded', title: 'Too many pending jobs', status: 429,
 * //   code: 'pending_job_limit_exceeded', detail: '…', retryable: true, retry_after_seconds: 30 }
 * ```
 */
export function problemDocument(
  code: ServiceErrorCode,
  detail: string,
  extras: ProblemExtras = {},
): ProblemDocument {
  if (!isServiceErrorCode(code)) throw new TypeError(`unknown service error code: ${String(code)}`)
  const info = SERVICE_ERROR_CODES[code]
  const { type, typeBase, retryable, errors, ...rest } = extras
  const doc: ProblemDocument = {
    type: type ?? problemTypeUri(code, typeBase),
    title: info.title,
    status: info.status,
    code,
    detail,
    retryable: retryable ?? info.retryable,
    ...rest,
  }
  if (errors !== undefined) doc.errors = [...errors]
  return doc
}

/**
 * Whether a value looks like a problem document: `type`, `title` and `code` strings, an error
 * `status`, a boolean `retryable`. Codes this version does not know are accepted (servers may be
 * newer than clients).
 *
 * @param value - parsed JSON
 * @returns true for a problem document
 */
export function isProblemDocument(value: unknown): value is ProblemDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const v = value as Readonly<Record<string, unknown>>
  return (
    typeof v['type'] === 'string' &&
    typeof v['title'] === 'string' &&
    typeof v['code'] === 'string' &&
    typeof v['retryable'] === 'boolean' &&
    Number.isInteger(v['status']) &&
    (v['status'] as number) >= 400 &&
    (v['status'] as number) <= 599 &&
    (v['detail'] === undefined || typeof v['detail'] === 'string') &&
    (v['errors'] === undefined || Array.isArray(v['errors']))
  )
}
