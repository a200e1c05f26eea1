import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino'

/** Logging options of the server. */
export interface ServerLoggerOptions {
  /** The minimum level (default `info`). */
  readonly level?: LevelWithSilent | undefined
  /** Where JSON lines go (default standard output). Tests pass a stream and read it. */
  readonly stream?: DestinationStream | undefined
}

/**
 * Paths pino censors in every log line. The request serializer logs no headers, but a handler or
 * a plugin might log a request, a header bag or a token object: whichever way a secret travels,
 * it is replaced by `[redacted]`.
 */
export const REDACTED_LOG_PATHS: readonly string[] = Object.freeze([
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
])

/**
 * The server's structured logger: pino with tokens redacted.
 *
 * @param options - `false` for a silent logger, else level and stream
 * @returns the logger
 */
export function createServerLogger(options: ServerLoggerOptions | boolean = {}): Logger {
  const config = {
    level: 'info',
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
  }
  if (options === false) return pino({ ...config, level: 'silent' })
  if (options === true) return pino(config)
  const level = options.level ?? 'info'
  return options.stream === undefined
    ? pino({ ...config, level })
    : pino({ ...config, level }, options.stream)
}
