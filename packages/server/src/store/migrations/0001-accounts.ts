import type { Kysely } from 'kysely'

/**
 * Users, API tokens (hashes only), the instance tree, memberships and backends. Column types
 * are chosen to mean the same in SQLite and PostgreSQL: `bigint` (SQLite gives it INTEGER
 * affinity) for millisecond timestamps, `text` for JSON.
 *
 * @param db - the database (any schema type: migrations outlive the current types)
 */
export async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  await createUserTables(db)
  await createInstanceTables(db)
  await createBackendsTable(db)
}

async function createUserTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes_json', 'text', (c) => c.notNull())
    .addColumn('instances_json', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .execute()
  await db.schema.createIndex('api_tokens_prefix_idx').on('api_tokens').column('prefix').execute()
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute()
}

async function createInstanceTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instances')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent', 'text', (c) => c.references('instances.path').onDelete('cascade'))
    .addColumn('description', 'text')
    .addColumn('max_running_jobs', 'integer')
    .addColumn('max_pending_jobs', 'integer')
    .addColumn('submit_rate_per_minute', 'integer')
    .addColumn('max_execution_seconds', 'integer')
    .addColumn('result_ttl_days', 'integer')
    .addColumn('record_ttl_days', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('instances_parent_idx').on('instances').column('parent').execute()

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('instance', 'text', (c) =>
      c.notNull().references('instances.path').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('memberships_user_instance_key', ['user_id', 'instance'])
    .execute()
  await db.schema
    .createIndex('memberships_instance_idx')
    .on('memberships')
    .column('instance')
    .execute()
}

async function createBackendsTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backends')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('instance', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_message', 'text')
    .addColumn('accepting_jobs', 'integer', (c) => c.notNull())
    .addColumn('num_qubits', 'integer', (c) => c.notNull())
    .addColumn('limits_json', 'text', (c) => c.notNull())
    .addColumn('windows_json', 'text', (c) => c.notNull())
    .addColumn('config_json', 'text')
    .addColumn('version', 'text')
    .addColumn('calibration_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}
