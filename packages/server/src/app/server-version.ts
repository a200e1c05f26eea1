/** The version of `@qfabric/server` (reported by `GET /v1/version`). */
export const VERSION = '0.1.0'
