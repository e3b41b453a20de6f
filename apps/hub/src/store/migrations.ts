/**
 * Schema migrations, applied in order; `PRAGMA user_version` holds how many ran. Never edit a shipped
 * migration: add a new one at the end.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the event log, command log, snapshots, devices, pairing codes, personal data, status tokens, projection
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT,
    payload TEXT NOT NULL
  );
  CREATE INDEX events_ticket ON events(ticket_id);

  CREATE TABLE commands (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    reply TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX commands_at ON commands(at);

  CREATE TABLE snapshots (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    state TEXT NOT NULL
  );

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    counter_id TEXT,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );

  CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    counter_id TEXT,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    device_id TEXT
  );

  -- Personal data lives apart from the event log so it can be deleted after the retention period.
  CREATE TABLE appointment_personal (
    appointment_id TEXT PRIMARY KEY,
    name TEXT,
    note TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE ticket_notes (
    id INTEGER PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX ticket_notes_ticket ON ticket_notes(ticket_id);

  CREATE TABLE status_tokens (
    token_hash TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  -- Projection: one row per ticket, kept in step with the log in the same transaction.
  CREATE TABLE tickets (
    ticket_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    service_id TEXT NOT NULL,
    status TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    first_called_at INTEGER,
    started_at INTEGER,
    ended_at INTEGER,
    last_counter_id TEXT,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX tickets_day ON tickets(day);

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
];
