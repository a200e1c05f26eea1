/**
 * Drawings of circuits for people: text now (Qiskit's text-drawer style); SVG later.
 *
 * @packageDocumentation
 */
export { formatParam } from './format-param.js'
export { drawText, type TextDrawOptions } from './text/text-drawer.js'
