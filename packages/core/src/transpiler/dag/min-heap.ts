/**
 * A binary min-heap of numbers (node ids), for the stable topological orders of the DAG.
 *
 * @internal
 */
export class MinHeap {
  readonly #items: number[] = []

  /** The number of items. */
  get size(): number {
    return this.#items.length
  }

  /** Adds an item. */
  push(value: number): void {
    const a = this.#items
    a.push(value)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (a[parent]! <= value) break
      a[i] = a[parent]!
      i = parent
    }
    a[i] = value
  }

  /** Removes and returns the smallest item, or `undefined` if empty. */
  pop(): number | undefined {
    const a = this.#items
    const top = a[0]
    const last = a.pop()
    if (top === undefined || last === undefined || a.length === 0) return top
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= a.length) break
      const r = l + 1
      const c = r < a.length && a[r]! < a[l]! ? r : l
      if (a[c]! >= last) break
      a[i] = a[c]!
      i = c
    }
    a[i] = last
    return top
  }
}
