import {
  defaultTimeoutProvider,
  type AbortSignalLike,
  type TimeoutProvider,
} from '@qfabric/core/providers'
import {
  API_VERSION,
  CONTENT_TYPES,
  HEADERS,
  codeForHttpStatus,
  formatBearer,
  isProblemDocument,
  parseRetryAfter,
  problemDocument,
  type ProblemDocument,
  type SseMessage,
} from '@qfabric/protocol'
import { ClientError, ServiceRequestError } from '../errors/client-errors.js'
import { linkSignal, sleep } from './abort.js'
import { openEventStream, type EventStreamOptions } from './event-stream.js'
import {
  RETRYABLE_STATUSES,
  resolveRetryPolicy,
  retryDelayMs,
  type RetryOptions,
  type RetryPolicy,
} from './retry-policy.js'

/**
 * The `fetch` the transport calls: the global one by default, any function of the same shape
 * otherwise (a test double standing for the network, a proxy-aware fetch, …).
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/** How to reach the service. */
export interface ServiceTransportOptions {
  /** The service's base URL, e.g. `http://127.0.0.1:8080` (a trailing `/` is ignored). */
  readonly url: string
  /** The API token sent as `Authorization: Bearer …` (none: anonymous requests). */
  readonly token?: string | undefined
  /** Default: `globalThis.fetch`. */
  readonly fetch?: FetchLike | undefined
  /** The `Api-Version` header (default {@link API_VERSION}; `null` sends none). */
  readonly apiVersion?: string | null | undefined
  /** Retry behaviour (see {@link RetryOptions}). */
  readonly retry?: RetryOptions | undefined
  /** The timer seam for backoff waits (default: `globalThis` timers). */
  readonly timers?: TimeoutProvider | undefined
  /** Headers sent with every request (e.g. `User-Agent` where allowed). */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** A query string: values are repeated for arrays, left out when `undefined`. */
export type QueryParams = Readonly<
  Record<string, string | number | boolean | readonly (string | number)[] | undefined>
>

/** Options of one request. */
export interface RequestOptions {
  readonly query?: QueryParams | undefined
  /** A JSON body. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * Sent as `Idempotency-Key`, and what makes a `POST` safe to retry (the same key on every
   * attempt, so the server runs it once).
   */
  readonly idempotencyKey?: string | undefined
  /** Stops the request (and its retries); rejects with `signal.reason` unchanged. */
  readonly signal?: AbortSignalLike | undefined
  /** Statuses besides 2xx that are answers, not errors (e.g. 304). */
  readonly acceptStatuses?: readonly number[] | undefined
  /** `false` sends the request once, whatever happens. */
  readonly retry?: boolean | undefined
}

/** A successful answer. */
export interface ServiceResponse<TBody> {
  readonly status: number
  readonly headers: Headers
  /** The parsed JSON body (`undefined` for an empty body). */
  readonly body: TBody
  /** `X-Request-Id`, if the server sent one. */
  readonly requestId: string | undefined
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/**
 * The client's HTTP layer: base URL, bearer token, `Api-Version`, JSON bodies, problem
 * documents rehydrated into {@link ServiceRequestError}, retries with backoff and full jitter
 * honouring `Retry-After` (on 429, 502, 503, 504 and network errors; a `POST` only when it
 * carries an `Idempotency-Key`, or on a 429, which the server never processed), an
 * `AbortSignal` on every call, and server-sent event streams that resume with `Last-Event-ID`.
 * Browser-safe: `fetch` only.
 *
 * @example
 * ```ts
 * const http = new ServiceTransport({ url: 'http://127.0.0.1:8080', token })
 * const me = await http.get<MeResponse>(PATHS.me)
 * ```
 */
export class ServiceTransport {
  /** The base URL, without a trailing `/`. */
  readonly url: string
  readonly #token: string | undefined
  readonly #fetch: FetchLike
  readonly #apiVersion: string | null
  readonly #headers: Readonly<Record<string, string>>
  /** The resolved retry policy. */
  readonly retryPolicy: RetryPolicy
  /** The timer seam for every wait. */
  readonly timers: TimeoutProvider

  /**
   * @param options - URL, token, fetch, retries, timers
   * @throws TypeError when `url` is not an absolute http(s) URL
   */
  constructor(options: ServiceTransportOptions) {
    const parsed = URL.canParse(options.url) ? new URL(options.url) : undefined
    if (parsed === undefined || !['http:', 'https:'].includes(parsed.protocol)) {
      throw new TypeError(`the service URL must be an absolute http(s) URL: ${options.url}`)
    }
    this.url = options.url.replace(/\/+$/, '')
    this.#token = options.token
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#apiVersion = options.apiVersion === undefined ? API_VERSION : options.apiVersion
    this.#headers = { ...options.headers }
    this.retryPolicy = resolveRetryPolicy(options.retry)
    this.timers = options.timers ?? defaultTimeoutProvider
  }

  /**
   * `GET` a JSON resource.
   *
   * @param path - a path of `PATHS` (filled with `buildPath`)
   * @param options - query, headers, signal
   * @returns the parsed body
   * @throws {@link ServiceRequestError} for an error answer; ClientError `client.network` when
   *   the service cannot be reached
   */
  async get<TBody>(path: string, options: RequestOptions = {}): Promise<TBody> {
    return (await this.request<TBody>('GET', path, options)).body
  }

  /**
   * `POST` a JSON body.
   *
   * @param path - the path
   * @param body - the JSON body
   * @param options - idempotency key, headers, signal
   * @returns the parsed answer
   * @throws {@link ServiceRequestError} for an error answer
   */
  async post<TBody>(path: string, body: unknown, options: RequestOptions = {}): Promise<TBody> {
    return (await this.request<TBody>('POST', path, { ...options, body })).body
  }

  /**
   * Sends one request, with retries: see the class description for when it retries.
   *
   * @param method - the HTTP method
   * @param path - the path (with or without a query string)
   * @param options - query, body, headers, idempotency key, signal
   * @returns status, headers, parsed body and request id
   * @throws {@link ServiceRequestError} for an error answer (after the retries); ClientError
   *   `client.network` when no answer came; ClientError `client.invalid-response` for a body
   *   that is not JSON; `signal.reason` on abort
   */
  async request<TBody>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ServiceResponse<TBody>> {
    const response = await this.#send(method, path, { ...options, accept: CONTENT_TYPES.json })
    const accepted = options.acceptStatuses ?? []
    const body = response.status === 304 ? undefined : await readJson(response, method, path)
    if (!response.ok && !accepted.includes(response.status)) {
      throw errorOf(response, body, { method, path })
    }
    return {
      status: response.status,
      headers: response.headers,
      body: body as TBody,
      requestId: response.headers.get(HEADERS.requestId) ?? undefined,
    }
  }

  /**
   * Opens a `text/event-stream` and yields its messages; when the connection drops it
   * reconnects (backoff, the server's `retry:` hint) sending `Last-Event-ID`, so nothing is lost.
   * Ends when the server ends the stream.
   *
   * @param path - the stream's path
   * @param options - the id to resume after, a signal, a comment (heartbeat) callback
   * @returns the messages in order
   * @throws {@link ServiceRequestError} when the server refuses the stream; ClientError
   *   `client.invalid-response` when it answers with something other than an event stream
   *   (callers then fall back to polling); ClientError `client.stream-failed` when reconnecting
   *   keeps failing
   */
  stream(path: string, options: EventStreamOptions = {}): AsyncGenerator<SseMessage, void> {
    return openEventStream(
      {
        open: (lastEventId, signal) => this.#openStream(path, { lastEventId, signal }),
        policy: this.retryPolicy,
        timers: this.timers,
      },
      options,
    )
  }

  async #openStream(
    path: string,
    options: { readonly lastEventId: string | undefined; readonly signal: AbortSignalLike },
  ): Promise<Response> {
    const headers: Record<string, string> = { 'cache-control': 'no-cache' }
    if (options.lastEventId !== undefined) headers[HEADERS.lastEventId] = options.lastEventId
    const response = await this.#send('GET', path, {
      headers,
      signal: options.signal,
      accept: CONTENT_TYPES.eventStream,
    })
    if (!response.ok)
      throw errorOf(response, await readJson(response, 'GET', path), { method: 'GET', path })
    const type = response.headers.get(HEADERS.contentType) ?? ''
    if (!type.startsWith(CONTENT_TYPES.eventStream) || response.body === null) {
      await response.body?.cancel().catch(() => undefined)
      throw new ClientError(
        'client.invalid-response',
        `GET ${path} answered ${type || 'no content type'}, not an event stream`,
      )
    }
    return response
  }

  async #send(
    method: string,
    path: string,
    options: RequestOptions & { readonly accept: string },
  ): Promise<Response> {
    const url = this.#urlOf(path, options.query)
    const init = this.#init(method, options)
    const mayRetry = options.retry !== false
    const isIdempotent = SAFE_METHODS.has(method) || options.idempotencyKey !== undefined
    for (let attempt = 0; ; attempt++) {
      options.signal?.throwIfAborted()
      const isLast = !mayRetry || attempt + 1 >= this.retryPolicy.maxAttempts
      let response: Response
      try {
        response = await this.#fetchOnce(url, init, options.signal)
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason
        if (isLast || !isIdempotent) {
          throw new ClientError('client.network', `${method} ${path}: ${messageOf(error)}`, {
            cause: error,
          })
        }
        await this.#backoff(attempt, undefined, options.signal)
        continue
      }
      if (isLast || !shouldRetry(response, isIdempotent)) return response
      const retryAfter = parseRetryAfter(response.headers.get(HEADERS.retryAfter))
      const delay = retryDelayMs(attempt, this.retryPolicy, retryAfter)
      if (delay === undefined) return response
      await response.body?.cancel().catch(() => undefined)
      await sleep(delay, { timers: this.timers, signal: options.signal })
    }
  }

  async #fetchOnce(url: string, init: RequestInit, signal?: AbortSignalLike): Promise<Response> {
    // fetch needs a real AbortSignal, linked for as long as the body may still be read: a
    // stream's body is read long after the headers arrived.
    if (signal === undefined || signal instanceof AbortSignal) {
      return this.#fetch(url, signal === undefined ? init : { ...init, signal })
    }
    // A signal-like object (not an AbortSignal) stays linked until it aborts: rare and small.
    const linked = linkSignal(signal)
    try {
      return await this.#fetch(url, { ...init, signal: linked.signal })
    } catch (error) {
      linked.dispose()
      throw error
    }
  }

  async #backoff(
    attempt: number,
    retryAfter: number | undefined,
    signal: AbortSignalLike | undefined,
  ): Promise<void> {
    const delay = retryDelayMs(attempt, this.retryPolicy, retryAfter) ?? 0
    await sleep(delay, { timers: this.timers, signal })
  }

  #urlOf(path: string, query: QueryParams | undefined): string {
    const search = formatQuery(query)
    if (search === '') return `${this.url}${path}`
    return `${this.url}${path}${path.includes('?') ? '&' : '?'}${search}`
  }

  #init(method: string, options: RequestOptions & { readonly accept: string }): RequestInit {
    const headers: Record<string, string> = { ...this.#headers, [HEADERS.accept]: options.accept }
    if (this.#token !== undefined) headers[HEADERS.authorization] = formatBearer(this.#token)
    if (this.#apiVersion !== null) headers[HEADERS.apiVersion] = this.#apiVersion
    if (options.idempotencyKey !== undefined) {
      headers[HEADERS.idempotencyKey] = options.idempotencyKey
    }
    Object.assign(headers, options.headers)
    const init: RequestInit = { method, headers }
    if (options.body !== undefined) {
      headers[HEADERS.contentType] = CONTENT_TYPES.json
      init.body = JSON.stringify(options.body)
    }
    return init
  }
}

/** Whether an answer is worth another attempt. */
function shouldRetry(response: Response, isIdempotent: boolean): boolean {
  // A 429 was refused before any processing, so even a POST without a key may be repeated.
  if (response.status === 429) return true
  if (!isIdempotent) return false
  if (RETRYABLE_STATUSES.has(response.status)) return true
  return response.status === 409 && response.headers.has(HEADERS.retryAfter)
}

/**
 * Formats query parameters: arrays repeat the key (`tag=a&tag=b`), `undefined` is left out.
 *
 * @param query - the parameters
 * @returns the query string without `?`
 */
export function formatQuery(query: QueryParams | undefined): string {
  if (query === undefined) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    const values: readonly (string | number | boolean)[] = Array.isArray(value)
      ? (value as readonly (string | number)[])
      : [value as string | number | boolean]
    for (const v of values) search.append(key, String(v))
  }
  return search.toString()
}

async function readJson(response: Response, method: string, path: string): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    if (!response.ok) return text
    throw new ClientError(
      'client.invalid-response',
      `${method} ${path}: the answer (${response.status}) is not JSON`,
      { cause },
    )
  }
}

/**
 * The error of a non-2xx answer: its problem document, or one made from the status when the
 * body is not a problem document (a proxy's HTML page, an empty body).
 *
 * @param response - the answer
 * @param body - its parsed body
 * @param request - method and path, for the message
 * @returns the error to throw
 */
function errorOf(
  response: Response,
  body: unknown,
  request: { readonly method: string; readonly path: string },
): ServiceRequestError {
  const problem: ProblemDocument = isProblemDocument(body)
    ? body
    : problemDocument(
        codeForHttpStatus(response.status),
        typeof body === 'string' && body !== '' ? body.slice(0, 500) : `HTTP ${response.status}`,
      )
  return new ServiceRequestError({
    status: response.status,
    problem,
    requestId: response.headers.get(HEADERS.requestId) ?? undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get(HEADERS.retryAfter)),
    ...request,
  })
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  return `${error.message}${cause}`
}
