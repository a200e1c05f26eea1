/**
 * Plain-text tables for terminals: upper-case headings, columns two spaces apart, no rules, so
 * the output also reads well through `grep` and `awk`.
 */

/** A column of {@link renderTable}. */
export interface TableColumn {
  /** The heading (printed upper-case). */
  readonly header: string
  /** `right` for numbers (default `left`). */
  readonly align?: 'left' | 'right' | undefined
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Printed instead of the table when there are no rows (default `(none)`). */
  readonly empty?: string | undefined
}

/**
 * Lays rows out under headings, each column as wide as its widest cell.
 *
 * ```text
 * NAME            QUBITS  STATUS
 * qasm_simulator      30  operational
 * ```
 *
 * @param columns - headings and alignment
 * @param rows - the cells, one array per row, in column order (missing cells are blank)
 * @param options - the text for an empty table
 * @returns the table, ending with a newline
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  if (rows.length === 0) return `${options.empty ?? '(none)'}\n`
  const headers = columns.map((c) => c.header.toUpperCase())
  const widths = columns.map((_, i) =>
    Math.max(length(headers[i]!), ...rows.map((row) => length(row[i] ?? ''))),
  )
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? ''
        const pad = ' '.repeat(widths[i]! - length(cell))
        return column.align === 'right' ? pad + cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`
}

/** Width in columns, counting code points (not UTF-16 units). */
function length(text: string): number {
  return [...text].length
}
