/**
 * Names a result's experiments after the submitted circuits. The service runs QASM text, which
 * does not carry a circuit's name, so the experiment headers come back with generated names.
 *
 * @param json - the result in Qiskit's JSON shape
 * @param names - the submitted circuits' names, by index (`undefined`: keep the header's)
 * @returns the result with those names in its experiment headers
 */
export function nameExperiments(
  json: Record<string, unknown>,
  names: readonly (string | undefined)[],
): Record<string, unknown> {
  const results = json['results']
  if (!Array.isArray(results)) return json
  return {
    ...json,
    results: results.map((experiment: unknown, i) => {
      const name = names[i]
      if (name === undefined || typeof experiment !== 'object' || experiment === null) {
        return experiment
      }
      const record = experiment as Record<string, unknown>
      const header = (record['header'] ?? {}) as Record<string, unknown>
      return { ...record, header: { ...header, name } }
    }),
  }
}
