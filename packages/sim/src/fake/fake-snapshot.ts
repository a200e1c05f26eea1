/**
 * The IBM device snapshots shipped with the package (`data/fake-backends/<device>/`, copied from
 * Qiskit's `qiskit-ibm-runtime` fake provider, Apache-2.0): each device's configuration and one
 * day's calibration, read from disk relative to this module (the same path from `src/` and
 * `dist/`).
 */
import { readFileSync } from 'node:fs'
import { BackendConfiguration, BackendProperties } from '@qfabric/core/target'

/** The devices whose snapshots are shipped (folder names). */
export const FAKE_DEVICES = [
  'vigo',
  'lima',
  'manila',
  'fractional',
  'nairobi',
  'guadalupe',
  'montreal',
  'kolkata',
  'washington',
  'sherbrooke',
  'torino',
  'fez',
] as const

/** A shipped device (see {@link FAKE_DEVICES}). */
export type FakeDevice = (typeof FAKE_DEVICES)[number]

/**
 * The location of a shipped snapshot file.
 *
 * @param device - the device folder
 * @param kind - `conf` (configuration) or `props` (calibration)
 * @returns a `file:` URL
 */
export function fakeSnapshotUrl(device: FakeDevice, kind: 'conf' | 'props'): URL {
  return new URL(`../../data/fake-backends/${device}/${kind}_${device}.json`, import.meta.url)
}

/**
 * Reads a device's configuration.
 *
 * @param device - the device folder
 * @returns the configuration
 * @throws BackendConfigurationError when the file is malformed; a file-system error when missing
 */
export function loadFakeConfiguration(device: FakeDevice): BackendConfiguration {
  return BackendConfiguration.fromJSON(readJson(fakeSnapshotUrl(device, 'conf')))
}

/**
 * Reads a device's calibration.
 *
 * @param device - the device folder
 * @returns the calibration
 * @throws BackendPropertyError when the file is malformed; a file-system error when missing
 */
export function loadFakeProperties(device: FakeDevice): BackendProperties {
  return BackendProperties.fromJSON(readJson(fakeSnapshotUrl(device, 'props')))
}

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8')) as unknown
}
