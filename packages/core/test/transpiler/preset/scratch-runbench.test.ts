import { it } from 'vitest'
import { runTranspileBench } from '../../../../../bench/transpile.js'

it('bench', async () => {
  await runTranspileBench((process.env['BARGS'] ?? '').split(' ').filter((s) => s !== ''))
}, 3_600_000)
