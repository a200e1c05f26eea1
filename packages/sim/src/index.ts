/**
 * qfabric's local simulation: a statevector engine with specialised kernels (diagonal,
 * permutation, controlled, dense), gate fusion into generated block kernels, worker threads over
 * shared memory for large states, O(2^n + shots) sampling of final measurements, and per-shot
 * mid-circuit measurement, reset and classical control.
 *
 * Bit order is Qiskit's: qubit 0 is the least significant bit of a basis-state index and of an
 * outcome's hex key (`'0x1'` means clbit 0 read 1).
 *
 * @example
 * ```ts
 * import { QuantumCircuit } from '@qfabric/core/circuit'
 * import { compileCircuit, sampleProgram } from '@qfabric/sim'
 *
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
 * const { counts } = await sampleProgram(compileCircuit(qc), { shots: 1024, seed: 7 })
 * // { '0x0': 5xx, '0x3': 5xx }
 * ```
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'

export { compileCircuit } from './compile/compile-circuit.js'
export { MAX_MATRIX_QUBITS } from './compile/gate-to-ops.js'
export type { EngineOptions } from './engine/engine-options.js'
export { terminateWorkers } from './engine/parallel/thread-executor.js'
export {
  startModuleWorker,
  type ModuleWorkerOptions,
} from './engine/parallel/start-module-worker.js'
export { CODEGEN_MIN_QUBITS, FUSION_MODES, type FusionMode } from './engine/plan/build-plan.js'
export { countStatePasses } from './engine/plan/count-passes.js'
export { createRng, type Rng } from './engine/random/seeded-rng.js'
export { THREADS_MIN_QUBITS, type ThreadsOption } from './engine/resolve-executor.js'
export {
  sampleProgram,
  type SampleProgramOptions,
  type SampleProgramResult,
} from './engine/sample-program.js'
export {
  CONDITION_OPERATORS,
  isUnitaryOp,
  type ConditionalOp,
  type ConditionOperator,
  type ControlledOp,
  type DiagonalOp,
  type GlobalPhaseOp,
  type MatrixOp,
  type MeasureOp,
  type PermutationOp,
  type ResetOp,
  type SimCondition,
  type SimOp,
  type SimProgram,
  type TargetOp,
  type UnitaryOp,
  type WhileOp,
} from './engine/sim-program.js'
export {
  SIMULATION_ERROR_CODES,
  SimulationError,
  type SimulationErrorCode,
} from './engine/simulation-error.js'
export {
  simulateStatevector,
  type StatevectorPath,
  type StatevectorResult,
  type StructureSummary,
} from './engine/simulate-statevector.js'
export { MAX_QUBITS } from './engine/validate-program.js'

// Stabilizer (Clifford) engine.
export { StabilizerTableau } from './stabilizer/stabilizer-tableau.js'
export type { RandomBits } from './stabilizer/tableau-measure.js'
export { compileStabilizerCircuit } from './stabilizer/compile-stabilizer.js'
export { isCliffordCircuit } from './stabilizer/is-clifford-circuit.js'
export {
  runStabilizer,
  runStabilizerProgram,
  type RunStabilizerOptions,
  type RunStabilizerResult,
} from './stabilizer/run-stabilizer.js'
export {
  STABILIZER_ERROR_CODES,
  StabilizerError,
  type StabilizerErrorCode,
  type StabilizerErrorSite,
} from './stabilizer/stabilizer-error.js'
export type {
  StabilizerCondition,
  StabilizerOp,
  StabilizerProgram,
} from './stabilizer/stabilizer-program.js'
export {
  randomCliffordCircuit,
  RANDOM_CLIFFORD_ONE_QUBIT_GATES,
  type RandomCliffordCircuitOptions,
} from './stabilizer/random-clifford-circuit.js'
export { zBasisDistribution, type ZBasisDistribution } from './stabilizer/z-basis-distribution.js'

// Noise models.
export {
  NoiseModel,
  NOISE_BEFORE_INSTRUCTIONS,
  type NoiseModelOptions,
} from './noise/noise-model.js'
export {
  excitedPopulation,
  type DeviceTarget,
  type FromBackendOptions,
} from './noise/device-noise.js'
export type { NoiseModelJson, QubitRelaxation } from './noise/noise-model-json.js'
export { QuantumError, type QuantumErrorOptions } from './noise/quantum-error.js'
export type {
  KrausNoiseTerm,
  NoiseTerm,
  NoiseTermInit,
  UnitaryNoiseTerm,
} from './noise/noise-term.js'
export type {
  ComplexMatrixJson,
  NoiseInstructionJson,
  QuantumErrorJson,
} from './noise/quantum-error-json.js'
export { ReadoutError, type ReadoutErrorJson } from './noise/readout-error.js'
export { NOISE_ERROR_CODES, NoiseError, type NoiseErrorCode } from './noise/noise-error.js'
export {
  coherentUnitaryError,
  krausError,
  mixedUnitaryError,
  pauliError,
  resetError,
  type KrausErrorOptions,
} from './noise/kraus-error.js'
export { depolarizingError, maxDepolarizingParameter } from './noise/depolarizing-error.js'
export { thermalRelaxationError } from './noise/thermal-relaxation-error.js'
export {
  amplitudeDampingError,
  phaseAmplitudeDampingError,
  phaseDampingError,
  type DampingOptions,
} from './noise/damping-errors.js'
export { applyChannelToDensityMatrix, applyUnitaryToDensityMatrix } from './noise/apply-channel.js'
export { embedOperator } from './noise/embed-operator.js'
export {
  sampleTrajectoryOp,
  trajectoryOps,
  type KrausTrajectoryOp,
  type TrajectoryOp,
  type UniformSource,
  type UnitaryTrajectoryOp,
} from './noise/trajectory-sampler.js'
export { pauliMatrix } from './noise/pauli-labels.js'
export { NOISE_ATOL } from './noise/channel-math.js'

// Density-matrix and unitary engines.
export {
  simulateDensityMatrix,
  type DensityMatrixResult,
} from './density/simulate-density-matrix.js'
export {
  sampleDensityMatrix,
  type SampleDensityMatrixOptions,
  type SampleDensityMatrixResult,
} from './density/sample-density-matrix.js'
export type { DensityInput, DensityMatrixOptions } from './density/density-matrix-options.js'
export { DENSITY_MATRIX_MAX_QUBITS } from './density/validate-density-program.js'
export { channelOp, superopFromKraus } from './density/superoperator.js'
export {
  compileDensityProgram,
  type CompileDensityOptions,
} from './density/compile-density-program.js'
export type { ChannelOp, DensityOp, DensityProgram } from './density/density-program.js'
export {
  simulateUnitary,
  UNITARY_MAX_QUBITS,
  type UnitaryOptions,
} from './unitary/simulate-unitary.js'

// Local backends, their jobs and the fake devices.
export {
  LocalProvider,
  LOCAL_BACKEND_NAMES,
  type LocalBackendName,
  type LocalProviderOptions,
} from './backends/local-provider.js'
export {
  LocalSimulatorBackend,
  LOCAL_SIMULATOR_VERSION,
  type LocalBackendOptions,
  type LocalSimulatorInit,
} from './backends/local-simulator-backend.js'
export { QasmSimulator } from './backends/qasm-simulator.js'
export { StatevectorSimulator } from './backends/statevector-simulator.js'
export { UnitarySimulator } from './backends/unitary-simulator.js'
export { DensityMatrixSimulator } from './backends/density-matrix-simulator.js'
export { StabilizerSimulator } from './backends/stabilizer-simulator.js'
export {
  DENSITY_MATRIX_SIMULATOR_QUBITS,
  STABILIZER_SIMULATOR_QUBITS,
  UNITARY_SIMULATOR_QUBITS,
} from './backends/simulator-limits.js'
export {
  createSimulatorOptions,
  MAX_SHOTS,
  type SimulatorOptionsConfig,
  type SimulatorRunOptions,
} from './backends/simulator-options.js'
export { createSimulatorTarget } from './backends/simulator-target.js'
export {
  LOCAL_SIMULATOR_ERROR_CODES,
  LocalSimulatorError,
  type LocalSimulatorErrorCode,
} from './backends/local-simulator-error.js'
export {
  createGenericBackendSimulator,
  type GenericBackendSimulatorOptions,
} from './backends/generic-backend-simulator.js'
export {
  SIMULATION_METHODS,
  SIMULATOR_KINDS,
  type ExecutionOptions,
  type ExecutionRequest,
  type ExperimentOutcome,
  type SimulationMethod,
  type SimulatorKind,
} from './backends/execution/execution-request.js'
export { runExecution } from './backends/execution/run-execution.js'
export {
  createExecutionRequest,
  type SubmissionSettings,
} from './backends/create-execution-request.js'
export { buildResult } from './backends/build-result.js'
export {
  DEFAULT_INLINE_BELOW,
  getDefaultJobWorkerPool,
  JOB_EXECUTORS,
  JobWorkerPool,
  TaskCancelledError,
  type JobExecutor,
  type JobWorkerPoolOptions,
  type PoolTask,
  type PoolTaskHooks,
} from './jobs/job-worker-pool.js'
export { SimulatorJob, type SimulatorJobInit } from './jobs/simulator-job.js'
export {
  FakeBackend,
  type FakeBackendInit,
  type FakeBackendRunOptions,
  type FakeSnapshotSource,
} from './fake/fake-backend.js'
export { FAKE_BACKEND_CLASSES, FakeProvider } from './fake/fake-provider.js'
export { FakeFez } from './fake/devices/fake-fez.js'
export { FakeFractional } from './fake/devices/fake-fractional.js'
export { FakeGuadalupe } from './fake/devices/fake-guadalupe.js'
export { FakeKolkata } from './fake/devices/fake-kolkata.js'
export { FakeLima } from './fake/devices/fake-lima.js'
export { FakeManila } from './fake/devices/fake-manila.js'
export { FakeMontreal } from './fake/devices/fake-montreal.js'
export { FakeNairobi } from './fake/devices/fake-nairobi.js'
export { FakeSherbrooke } from './fake/devices/fake-sherbrooke.js'
export { FakeTorino } from './fake/devices/fake-torino.js'
export { FakeVigo } from './fake/devices/fake-vigo.js'
export { FakeWashington } from './fake/devices/fake-washington.js'
export {
  FAKE_DEVICES,
  fakeSnapshotUrl,
  loadFakeConfiguration,
  loadFakeProperties,
  type FakeDevice,
} from './fake/fake-snapshot.js'
