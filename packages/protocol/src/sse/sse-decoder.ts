/** A server-sent event as a client receives it. */
export interface SseMessage {
  /** The event type (`message` when the frame had no `event:`). */
  readonly event: string
  /** The data lines joined with `\n`. */
  readonly data: string
  /** The last event id seen on the stream so far (`''` if none): what to send as `Last-Event-ID`. */
  readonly lastEventId: string
  /** The latest `retry:` seen so far, in milliseconds. */
  readonly retryMs: number | undefined
}

/**
 * The event-stream interpretation algorithm of WHATWG HTML §9.2.6, fed text in arbitrary chunks:
 * lines end with CRLF, LF or CR (a CRLF split across chunks counts once), a blank line
 * dispatches, comments are reported separately, an unterminated last event is dropped.
 */
export class SseDecoder {
  #buffer = ''
  #skipLeadingLf = false
  #data: string[] = []
  #hasData = false
  #event = ''
  #lastEventId = ''
  #retryMs: number | undefined
  #first = true

  /**
   * Decodes the next chunk of text.
   *
   * @param text - any slice of the stream
   * @param onComment - called with each comment line's text
   * @returns the events completed by this chunk
   */
  push(text: string, onComment?: (comment: string) => void): SseMessage[] {
    let chunk = text
    if (this.#first && chunk.length > 0) {
      this.#first = false
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1)
    }
    if (this.#skipLeadingLf && chunk.length > 0) {
      this.#skipLeadingLf = false
      if (chunk.startsWith('\n')) chunk = chunk.slice(1)
    }
    this.#buffer += chunk
    const out: SseMessage[] = []
    const lineBreak = /\r\n|\r|\n/g
    let start = 0
    for (let m = lineBreak.exec(this.#buffer); m !== null; m = lineBreak.exec(this.#buffer)) {
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (m[0] === '\r' && m.index === this.#buffer.length - 1) this.#skipLeadingLf = true
      this.#line(this.#buffer.slice(start, m.index), out, onComment)
      start = m.index + m[0].length
    }
    this.#buffer = this.#buffer.slice(start)
    return out
  }

  #line(line: string, out: SseMessage[], onComment?: (comment: string) => void): void {
    if (line === '') {
      this.#dispatch(out)
      return
    }
    if (line.startsWith(':')) {
      onComment?.(line.slice(1).replace(/^ /, ''))
      return
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    this.#field(field, value)
  }

  #field(field: string, value: string): void {
    if (field === 'data') {
      this.#data.push(value)
      this.#hasData = true
    } else if (field === 'event') {
      this.#event = value
    } else if (field === 'id') {
      if (!value.includes('\0')) this.#lastEventId = value
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) this.#retryMs = Number(value)
    }
  }

  #dispatch(out: SseMessage[]): void {
    if (this.#hasData) {
      out.push({
        event: this.#event === '' ? 'message' : this.#event,
        data: this.#data.join('\n'),
        lastEventId: this.#lastEventId,
        retryMs: this.#retryMs,
      })
    }
    this.#data = []
    this.#hasData = false
    this.#event = ''
  }
}
