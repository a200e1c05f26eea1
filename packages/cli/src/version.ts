/** The version of the `qfabric` command. */
export const VERSION = '0.1.0'
