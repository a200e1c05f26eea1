/** Thrown by `break`/`continue` in a loop being unrolled; the unrolling loop catches it. */
export class LoopSignal extends Error {
  readonly kind: 'break' | 'continue'

  /** @param kind - which jump */
  constructor(kind: 'break' | 'continue') {
    super(kind)
    this.name = 'LoopSignal'
    this.kind = kind
  }
}

/** Thrown by `end;` at compile time: lowering stops and keeps what it has. */
export class EndSignal extends Error {
  constructor() {
    super('end')
    this.name = 'EndSignal'
  }
}
