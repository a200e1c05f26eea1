/**
 * UTF-8 through the platform's `TextEncoder`/`TextDecoder`, declared structurally: this package
 * compiles without the DOM and Node type libraries (it runs in browsers and Node alike), and both
 * classes are globals everywhere it runs.
 */
interface TextCodecGlobals {
  readonly TextEncoder: new () => { encode(input: string): Uint8Array }
  readonly TextDecoder: new (
    label?: string,
    options?: { fatal?: boolean; ignoreBOM?: boolean },
  ) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string }
}

const globals = globalThis as unknown as TextCodecGlobals

/**
 * Encodes a string as UTF-8 (lone surrogates become U+FFFD, as `TextEncoder` does).
 *
 * @param text - any string
 * @returns its UTF-8 bytes
 */
export function utf8Encode(text: string): Uint8Array {
  return new globals.TextEncoder().encode(text)
}

/**
 * Decodes UTF-8 strictly: malformed input is an error, not replacement characters, so that a
 * tampered token cannot decode to something else.
 *
 * @param bytes - UTF-8 bytes
 * @returns the text
 * @throws TypeError when `bytes` is not valid UTF-8
 */
export function utf8Decode(bytes: Uint8Array): string {
  return new globals.TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

/** An incremental UTF-8 decoder: a multi-byte character may be split across chunks. */
export interface Utf8StreamDecoder {
  /** Decodes the next chunk; bytes of an incomplete character are kept for the next call. */
  decode(chunk: Uint8Array): string
  /** Ends the stream: returns what is left (an incomplete character becomes U+FFFD). */
  flush(): string
}

/**
 * Creates an incremental, lenient UTF-8 decoder (invalid bytes become U+FFFD, as browsers do
 * for `text/event-stream`). A byte-order mark is kept: the consumer decides what it means.
 *
 * @returns a fresh decoder
 */
export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  const decoder = new globals.TextDecoder('utf-8', { ignoreBOM: true })
  return {
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    flush: () => decoder.decode(),
  }
}
