import { VERSION } from '@qfabric/core'

console.log(`qfabric ${VERSION}`)
