// @ts-check
import js from '@eslint/js'
import vitest from '@vitest/eslint-plugin'
import unicorn from 'eslint-plugin-unicorn'
import tseslint from 'typescript-eslint'

/** The layers inside @qfabric/core and what each may import (DESIGN.md §2). */
const CORE_LAYERS = {
  internal: [],
  math: ['internal'],
  circuit: ['internal', 'math'],
  qasm: ['internal', 'math', 'circuit'],
  'quantum-info': ['internal', 'math', 'circuit'],
  target: ['internal', 'math', 'circuit'],
  transpiler: ['internal', 'math', 'circuit', 'target', 'quantum-info'],
  providers: ['internal', 'math', 'circuit', 'target'],
  primitives: ['internal', 'math', 'circuit', 'providers', 'quantum-info'],
  visualization: ['internal', 'math', 'circuit', 'target'],
}

/** Which workspace packages each package may import (DESIGN.md §2). */
const PACKAGE_DEPS = {
  core: [],
  sim: ['core'],
  protocol: ['core'],
  client: ['core', 'protocol'],
  server: ['core', 'protocol', 'sim'],
  cli: ['core', 'sim', 'client', 'server'],
}
const ALL_PACKAGES = Object.keys(PACKAGE_DEPS)
const NODE_FREE = new Set(['core', 'protocol', 'client'])

const deepImportBan = {
  group: ['@qfabric/*/src/**', '@qfabric/*/dist/**'],
  message: 'Import a package through its exports map, never its files.',
}

function packageRules(pkg) {
  const banned = ALL_PACKAGES.filter((p) => p !== pkg && !PACKAGE_DEPS[pkg].includes(p))
  const patterns = [deepImportBan]
  if (banned.length > 0) {
    patterns.push({
      group: banned
        .map((p) => (p === 'cli' ? 'qfabric' : `@qfabric/${p}`))
        .flatMap((n) => [n, `${n}/*`]),
      message: `@qfabric/${pkg} may import only ${PACKAGE_DEPS[pkg].join(', ') || 'nothing of ours'} (DESIGN.md §2).`,
    })
  }
  if (NODE_FREE.has(pkg)) {
    patterns.push({
      group: ['node:*'],
      message: `@qfabric/${pkg} must run in browsers: no node:* imports.`,
    })
  }
  const rules = [
    {
      files: [`packages/${pkg}/src/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    },
  ]
  if (pkg === 'client') {
    // The client's Node entry (its saved-accounts file) is the one place it may use Node; the
    // `node` export condition picks it, browsers get the rest (DESIGN.md §6).
    rules.push({
      files: ['packages/client/src/node/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: patterns.filter((p) => !p.group.includes('node:*')) },
        ],
      },
    })
  }
  return rules
}

function coreLayerRules(layer) {
  const banned = Object.keys(CORE_LAYERS).filter(
    (l) => l !== layer && !CORE_LAYERS[layer].includes(l),
  )
  return {
    files: [`packages/core/src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImportBan,
            { group: ['@qfabric/*', 'node:*'], message: 'core imports nothing outside itself.' },
            {
              group: banned.flatMap((l) => [
                `../${l}/*`,
                `../../${l}/*`,
                `../../../${l}/*`,
                `../${l}/**`,
                `../../${l}/**`,
                `../../../${l}/**`,
              ]),
              message: `core/${layer} may import only ${CORE_LAYERS[layer].join(', ') || 'nothing'} (DESIGN.md §2).`,
            },
          ],
        },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'packages/*/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { unicorn },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeParameter', format: ['PascalCase'], prefix: ['T'] },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/prefer-for-of': 'off',
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Spreading a string into code points is what drawings and lexers want (no grapheme clusters).
      '@typescript-eslint/no-misused-spread': 'off',
      'max-params': ['error', 3],
      'max-lines': ['warn', { max: 400, skipComments: true, skipBlankLines: true }],
      'max-lines-per-function': ['warn', { max: 60, skipComments: true, skipBlankLines: true }],
      complexity: ['warn', 15],
      // `__fixtures__` folders are the STYLE.md convention for test data.
      'unicorn/filename-case': ['error', { case: 'kebabCase', ignore: [/^__fixtures__$/] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness takes a seed or an rng.' },
      ],
    },
  },
  ...Object.keys(PACKAGE_DEPS).flatMap(packageRules),
  ...Object.keys(CORE_LAYERS).map(coreLayerRules),
  {
    files: ['**/test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts', '**/testing/**/*.ts'],
    plugins: { vitest },
    rules: {
      'vitest/consistent-test-it': ['error', { fn: 'it' }],
      'max-lines-per-function': 'off',
      'max-lines': 'off',
      'max-params': 'off',
      complexity: 'off',
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['vitest.config.ts', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)
