import type { ServiceJobStatus } from '@qfabric/protocol'
import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from '../database-schema.js'

/** Where the change poll got to in the event log: the last event it read. */
export interface EventPosition {
  /** Its rowid in `job_events`: later commits have larger ones. */
  readonly rowid: number
  readonly job_id: string
  readonly seq: number
}

/** Before the first event (`job_id` matches no event). */
export const START_OF_LOG: EventPosition = Object.freeze({ rowid: 0, job_id: '', seq: 0 })

/** One job event as the change poll reads it. */
export interface JobEventRow extends EventPosition {
  /** The job's status now. */
  readonly status: ServiceJobStatus
}

/** What an {@link ExternalChangePoller} reads. */
export interface ExternalChangeSource {
  /**
   * A number that changes when another connection commits to the database, not on the store's
   * own commits (`PRAGMA data_version` of its writing connection); `undefined` while the
   * connection is not open.
   */
  dataVersion(): number | undefined
  /** The last event ({@link START_OF_LOG} when there is none). */
  lastEvent(): Promise<EventPosition>
  /**
   * The events after a position, in order — and, when the event at the position is gone, the
   * last {@link REWIND_EVENTS} before it too.
   */
  eventsAfter(position: EventPosition): Promise<readonly JobEventRow[]>
}

/**
 * How many events are read again when the event the poll got to is gone. `job_events` has no
 * `AUTOINCREMENT` (that costs a write to `sqlite_sequence` per insert), so once the newest jobs
 * are deleted (the retention sweep, after a quiet retention period) their events' rowids are
 * handed out again, at or below the poll's position: it then reads the last events again so as
 * not to skip the new ones. Repeats are harmless (watchers compare seqs); a deleted stretch
 * longer than this, refilled between two looks, is missed and left to the watchers' re-reads.
 */
export const REWIND_EVENTS = 64

const LAST_EVENT = 'select rowid, job_id, seq from job_events order by rowid desc limit 1'

// The rowid is the table's b-tree key: a range scan from the position, then the job by its key.
const EVENTS_AFTER = `select e.rowid as rowid, e.job_id as job_id, e.seq as seq, j.status as status
  from job_events e join jobs j on j.id = e.job_id
  where e.rowid > (
    select case
      when exists (select 1 from job_events where rowid = ?1 and job_id = ?2 and seq = ?3) then ?1
      else min(coalesce(max(rowid), 0), ?1) - ${String(REWIND_EVENTS)}
    end
    from job_events
  )
  order by e.rowid`

/**
 * The poll's view of a SQLite store's database: the data version of the writing connection
 * (read synchronously from the dialect) and reads of the event log through Kysely — which runs
 * them on the latest committed state, never inside a transaction of this process still open.
 *
 * @param db - the store's database
 * @param dialect - the dialect the database was opened with
 * @returns the source
 */
export function createSqliteChangeSource(
  db: Kysely<Database>,
  dialect: { dataVersion(): number | undefined },
): ExternalChangeSource {
  return {
    dataVersion: () => dialect.dataVersion(),
    lastEvent: async () => {
      const { rows } = await db.executeQuery<EventPosition>(CompiledQuery.raw(LAST_EVENT))
      return rows[0] ?? START_OF_LOG
    },
    eventsAfter: async (position) => {
      const { rowid, job_id, seq } = position
      const query = CompiledQuery.raw(EVENTS_AFTER, [rowid, job_id, seq])
      return (await db.executeQuery<JobEventRow>(query)).rows
    },
  }
}
