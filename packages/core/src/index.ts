/**
 * qfabric core: circuits, OpenQASM, quantum information, targets, the transpiler and the
 * provider framework. Each area also has its own subpath export (`@qfabric/core/circuit`, …).
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'
