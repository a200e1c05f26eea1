/**
 * The widest circuits the local simulator backends take (their targets' qubit counts).
 */

/** `unitary_simulator`: the unitary of 12 qubits is 256 MiB, and 16 M entries in its result. */
export const UNITARY_SIMULATOR_QUBITS = 12

/** `density_matrix_simulator`: `4^12` entries are 256 MiB (the engine allows 13). */
export const DENSITY_MATRIX_SIMULATOR_QUBITS = 12

/** `stabilizer_simulator`: a tableau of 5000 qubits is about 6 MB. */
export const STABILIZER_SIMULATOR_QUBITS = 5000
