/**
 * A reusable barrier for worker threads over a shared `Int32Array`, plus the cancellation flag
 * the workers check between chunks. Layout: `[cancel, arrived, generation]`.
 */

/** Index of the cancellation flag (non-zero: stop at the next check). */
export const CANCEL = 0
const ARRIVED = 1
const GENERATION = 2
/** Length of the control array. */
export const CONTROL_LENGTH = 4

/**
 * A fresh control array in shared memory.
 *
 * @returns the control array
 */
export function createControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT))
}

/**
 * Requests cancellation and wakes any waiting worker.
 *
 * @param control - the control array
 */
export function requestCancel(control: Int32Array): void {
  Atomics.store(control, CANCEL, 1)
  Atomics.notify(control, GENERATION)
}

/**
 * Whether cancellation was requested.
 *
 * @param control - the control array
 * @returns true once {@link requestCancel} was called
 */
export function isCancelled(control: Int32Array): boolean {
  return Atomics.load(control, CANCEL) !== 0
}

/**
 * Waits until all `parties` threads arrived (sense by generation counter). Spins briefly first,
 * since passes are usually short and balanced.
 *
 * @param control - the control array
 * @param parties - the number of threads meeting here
 * @returns false when cancelled while waiting
 */
export function arriveAndWait(control: Int32Array, parties: number): boolean {
  const generation = Atomics.load(control, GENERATION)
  if (Atomics.add(control, ARRIVED, 1) === parties - 1) {
    Atomics.store(control, ARRIVED, 0)
    Atomics.add(control, GENERATION, 1)
    Atomics.notify(control, GENERATION)
    return !isCancelled(control)
  }
  for (let spin = 0; spin < 2000; spin++) {
    if (Atomics.load(control, GENERATION) !== generation) return !isCancelled(control)
  }
  while (Atomics.load(control, GENERATION) === generation) {
    if (isCancelled(control)) return false
    Atomics.wait(control, GENERATION, generation, 100)
  }
  return !isCancelled(control)
}
