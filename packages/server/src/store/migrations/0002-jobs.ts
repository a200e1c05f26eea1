import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely'

/**
 * Jobs (the records and the queue), their tags, their event logs and the idempotency keys, with
 * the indexes the store's queries use: the claim order of queued jobs per backend, keyset
 * listing per instance/owner, status counts, lease expiry, retention and tag lookups.
 *
 * @param db - the database
 */
export async function createJobTables(db: Kysely<unknown>): Promise<void> {
  await createJobsTable(db)
  await createJobIndexes(db)

  await db.schema
    .createTable('job_tags')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_tags_pkey', ['job_id', 'tag'])
    .execute()
  await db.schema
    .createIndex('job_tags_tag_idx')
    .on('job_tags')
    .columns(['tag', 'job_id'])
    .execute()

  await db.schema
    .createTable('job_events')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_events_pkey', ['job_id', 'seq'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['owner_id', 'key'])
    .execute()
  await db.schema
    .createIndex('idempotency_keys_expires_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute()
}

type JobsBuilder = CreateTableBuilder<'jobs', string>

async function createJobsTable(db: Kysely<unknown>): Promise<void> {
  // Keyset pages and the claim order compare ids as text: make PostgreSQL compare bytes, as
  // SQLite does, whatever the database's collation.
  const bytewise = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) =>
      bytewise ? c.modifyFront(sql`collate "C"`).primaryKey() : c.primaryKey(),
    )
    .$call(recordColumns)
    .$call(queueColumns)
    .execute()
}

/** What was submitted, and by whom. */
function recordColumns(table: JobsBuilder): JobsBuilder {
  return table
    .addColumn('instance', 'text', (c) => c.notNull().references('instances.path'))
    .addColumn('instance_group', 'text', (c) => c.notNull())
    .addColumn('instance_hub', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('backend', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('tags_json', 'text', (c) => c.notNull())
    .addColumn('metadata_json', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('shots', 'integer', (c) => c.notNull())
    .addColumn('num_circuits', 'integer', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('input_text', 'text')
    .addColumn('input_bytes', 'bigint', (c) => c.notNull())
    .addColumn('input_sha256', 'text', (c) => c.notNull())
    .addColumn('max_execution_seconds', 'integer', (c) => c.notNull())
    .addColumn('queue_ttl_seconds', 'integer')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('client_json', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
}

/** Where the job is in its life: status, lease, result, usage. */
function queueColumns(table: JobsBuilder): JobsBuilder {
  return table
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason_message', 'text')
    .addColumn('reason_details_json', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('queued_at', 'bigint')
    .addColumn('started_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('status_times_json', 'text', (c) => c.notNull())
    .addColumn('cancel_requested_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('result_body', 'text')
    .addColumn('result_bytes', 'bigint')
    .addColumn('result_sha256', 'text')
    .addColumn('result_content_type', 'text')
    .addColumn('result_format_version', 'integer')
    .addColumn('result_partial', 'integer', (c) => c.notNull())
    .addColumn('result_expires_at', 'bigint')
    .addColumn('progress_done', 'integer', (c) => c.notNull())
    .addColumn('progress_total', 'integer', (c) => c.notNull())
    .addColumn('usage_device_seconds', 'double precision')
    .addColumn('usage_wall_seconds', 'double precision')
    .addColumn('backend_version', 'text')
    .addColumn('backend_calibration_id', 'text')
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
}

async function createJobIndexes(db: Kysely<unknown>): Promise<void> {
  // The claim order (priority, then submission order) of each backend's queue.
  await db.schema
    .createIndex('jobs_queue_idx')
    .on('jobs')
    .columns(['backend', 'priority', 'created_at', 'id'])
    .where(sql<boolean>`status = 'QUEUED'`)
    .execute()
  // Keyset listing (created_at, id): per instance, group, hub, owner and overall.
  const listings = {
    jobs_instance_created_idx: ['instance', 'created_at', 'id'],
    jobs_group_created_idx: ['instance_group', 'created_at', 'id'],
    jobs_hub_created_idx: ['instance_hub', 'created_at', 'id'],
    jobs_owner_created_idx: ['owner_id', 'created_at', 'id'],
    jobs_created_idx: ['created_at', 'id'],
    jobs_instance_ended_idx: ['instance', 'ended_at', 'id'],
    // Status filters and the pending/running counts per instance.
    jobs_status_idx: ['status', 'instance', 'created_at'],
  }
  for (const [name, columns] of Object.entries(listings)) {
    await db.schema.createIndex(name).on('jobs').columns(columns).execute()
  }
  await db.schema
    .createIndex('jobs_lease_idx')
    .on('jobs')
    .column('lease_expires_at')
    .where(sql<boolean>`status in ('RUNNING', 'CANCELLING')`)
    .execute()
  await db.schema.createIndex('jobs_expires_idx').on('jobs').column('expires_at').execute()
  await db.schema
    .createIndex('jobs_result_expires_idx')
    .on('jobs')
    .column('result_expires_at')
    .execute()
  await db.schema
    .createIndex('jobs_owner_idempotency_idx')
    .on('jobs')
    .columns(['owner_id', 'idempotency_key'])
    .execute()
}
