import { ProtocolError } from '../errors/protocol-error.js'
import {
  SERVICE_EVENT_TYPES,
  ServiceJobEventSchema,
  type ServiceJobEvent,
} from '../schemas/job-events.js'
import { fieldErrors } from '../validation/validate-value.js'
import { parseSseStream, type ParseSseStreamOptions, type SseSource } from './parse-sse-stream.js'
import type { SseMessage } from './sse-decoder.js'

const KNOWN_TYPES: ReadonlySet<string> = new Set(SERVICE_EVENT_TYPES)

/**
 * Reads a job event out of an SSE message: its `data` must be the JSON of a valid event whose
 * `type` equals the SSE `event:`. Messages of types this version does not know are skipped
 * (servers may be newer), so the result is `undefined` for them.
 *
 * @param message - a parsed SSE message
 * @returns the event, or `undefined` for an unknown type
 * @throws {@link ProtocolError} `protocol.invalid-event` when a known type carries invalid data
 */
export function decodeJobEvent(message: SseMessage): ServiceJobEvent | undefined {
  if (!KNOWN_TYPES.has(message.event)) return undefined
  let value: unknown
  try {
    value = JSON.parse(message.data)
  } catch (cause) {
    throw new ProtocolError('protocol.invalid-event', `Event ${message.event} is not JSON.`, {
      cause,
    })
  }
  const errors = fieldErrors(ServiceJobEventSchema, value)
  const type = (value as { type?: unknown } | null)?.type
  if (errors.length > 0 || type !== message.event) {
    throw new ProtocolError(
      'protocol.invalid-event',
      `Event ${message.event} (id ${message.lastEventId || 'none'}) does not match the contract.`,
      { errors },
    )
  }
  return value as ServiceJobEvent
}

/**
 * The job events of an SSE body: {@link parseSseStream} then {@link decodeJobEvent}, skipping
 * unknown types. Resume after a disconnect by sending the last event's `seq` as
 * `Last-Event-ID`.
 *
 * @param source - `response.body` of a `fetch`, or an (async) iterable of chunks
 * @param options - `onComment` for heartbeats
 * @returns the events in order
 * @throws {@link ProtocolError} `protocol.invalid-event` for an invalid event of a known type
 */
export async function* parseJobEventStream(
  source: SseSource,
  options: ParseSseStreamOptions = {},
): AsyncGenerator<ServiceJobEvent, void, undefined> {
  for await (const message of parseSseStream(source, options)) {
    const event = decodeJobEvent(message)
    if (event !== undefined) yield event
  }
}
