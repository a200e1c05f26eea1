import type { BackendStatusJson } from './backend-json.js'
import { isRecord } from './json-utils.js'

/** The fields of {@link BackendStatus}. */
export interface BackendStatusInit {
  /** The backend's name. */
  readonly backendName: string
  /** The backend's version string. */
  readonly backendVersion: string
  /** Whether the backend accepts and runs jobs. */
  readonly operational: boolean
  /** How many jobs are waiting (≥ 0). */
  readonly pendingJobs: number
  /** A free-text status (`'active'`, `'maintenance'`, …); `'active'` means processing. */
  readonly statusMsg: string
}

/**
 * A snapshot of a backend's availability (Qiskit's `BackendStatus`). A backend can be
 * operational but paused (`statusMsg !== 'active'`): `leastBusy` skips both cases. Frozen;
 * equality is by fields ({@link equals}).
 *
 * @example
 * ```ts
 * const status = new BackendStatus({
 *   backendName: 'ibmq_vigo', backendVersion: '1.3.6',
 *   operational: true, pendingJobs: 3, statusMsg: 'active',
 * })
 * status.toJSON().pending_jobs // 3
 * ```
 */
export class BackendStatus {
  /** The backend's name. */
  readonly backendName: string
  /** The backend's version string. */
  readonly backendVersion: string
  /** Whether the backend accepts and runs jobs. */
  readonly operational: boolean
  /** How many jobs are waiting. */
  readonly pendingJobs: number
  /** A free-text status. */
  readonly statusMsg: string

  /**
   * @param init - the fields
   * @throws TypeError if a field has the wrong type
   * @throws RangeError if `pendingJobs` is negative or not an integer
   */
  constructor(init: BackendStatusInit) {
    if (typeof init.backendName !== 'string') throw new TypeError('backendName must be a string')
    if (typeof init.backendVersion !== 'string') {
      throw new TypeError('backendVersion must be a string')
    }
    if (typeof init.operational !== 'boolean') throw new TypeError('operational must be a boolean')
    if (typeof init.statusMsg !== 'string') throw new TypeError('statusMsg must be a string')
    if (!Number.isInteger(init.pendingJobs) || init.pendingJobs < 0) {
      throw new RangeError(`Pending jobs must be >=0, got ${String(init.pendingJobs)}`)
    }
    this.backendName = init.backendName
    this.backendVersion = init.backendVersion
    this.operational = init.operational
    this.pendingJobs = init.pendingJobs
    this.statusMsg = init.statusMsg
    Object.freeze(this)
  }

  /**
   * Reads Qiskit's status dictionary.
   *
   * @param json - the parsed JSON
   * @returns the status
   * @throws TypeError or RangeError if a field is missing or invalid
   */
  static fromJSON(json: unknown): BackendStatus {
    if (!isRecord(json)) throw new TypeError('a backend status must be an object')
    const data = json as Partial<BackendStatusJson>
    return new BackendStatus({
      backendName: data.backend_name!,
      backendVersion: data.backend_version!,
      operational: data.operational!,
      pendingJobs: data.pending_jobs!,
      statusMsg: data.status_msg!,
    })
  }

  /**
   * @param other - another status
   * @returns whether every field is equal
   */
  equals(other: BackendStatus): boolean {
    return (
      this.backendName === other.backendName &&
      this.backendVersion === other.backendVersion &&
      this.operational === other.operational &&
      this.pendingJobs === other.pendingJobs &&
      this.statusMsg === other.statusMsg
    )
  }

  /** @returns Qiskit's status dictionary */
  toJSON(): BackendStatusJson {
    return {
      backend_name: this.backendName,
      backend_version: this.backendVersion,
      operational: this.operational,
      pending_jobs: this.pendingJobs,
      status_msg: this.statusMsg,
    }
  }
}
