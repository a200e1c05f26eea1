/**
 * This package is being built; see the status table in the repository README.
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'
