import { describe, expect, it } from 'vitest'
import { renderTable } from '../../src/render/table.js'

describe('renderTable', () => {
  it('aligns columns under upper-case headings, numbers to the right, without trailing blanks', () => {
    const text = renderTable(
      [{ header: 'name' }, { header: 'qubits', align: 'right' }, { header: 'status' }],
      [
        ['qasm_simulator', '30', 'operational'],
        ['fake_manila', '5', ''],
      ],
    )
    expect(text).toBe(
      'NAME            QUBITS  STATUS\n' +
        'qasm_simulator      30  operational\n' +
        'fake_manila          5\n',
    )
  })

  it('counts code points, so redacted tokens (…) line up', () => {
    const text = renderTable([{ header: 'token' }, { header: 'x' }], [['qjs_…abcd', 'a']])
    const [head, row] = text.split('\n')
    expect(head!.indexOf('X')).toBe([...row!].lastIndexOf('a'))
  })

  it('prints the empty text when there are no rows', () => {
    expect(renderTable([{ header: 'id' }], [], { empty: '(no jobs)' })).toBe('(no jobs)\n')
  })
})
