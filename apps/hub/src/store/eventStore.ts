import type { DomainEvent, StoredEvent } from '@bb/protocol';
import type { Db } from './db.ts';

type EventRow = { seq: number; payload: string };

/** The append-only log of an office's history. Rows are never updated or deleted (they hold no personal data). */
export class EventStore {
  private readonly insertRow;
  private readonly selectLast;
  private readonly selectAfter;
  private readonly countAfter;
  private readonly selectForDay;
  private readonly insertSnapshot;
  private readonly selectSnapshot;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      'INSERT INTO events (seq, at, type, ticket_id, payload) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectLast = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').pluck();
    this.selectAfter = db.prepare('SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.countAfter = db.prepare('SELECT COUNT(*) FROM events WHERE seq > ?').pluck();
    this.selectForDay = db.prepare(
      'SELECT seq, payload FROM events WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE day = ?) ORDER BY seq',
    );
    this.insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (seq, at, state) VALUES (?, ?, ?)');
    this.selectSnapshot = db.prepare(
      'SELECT seq, state FROM snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1',
    );
  }

  lastSeq(): number {
    return this.selectLast.get() as number;
  }

  /** Appends after `lastSeq`; call inside the command's transaction. */
  append(events: readonly DomainEvent[], lastSeq: number): StoredEvent[] {
    const stored = events.map((event, i) => ({ ...event, seq: lastSeq + i + 1 }) as StoredEvent);
    this.insert(stored);
    return stored;
  }

  /** Writes events that already have their sequence numbers; call inside the command's transaction. */
  insert(stored: readonly StoredEvent[]): void {
    for (const { seq, ...event } of stored) {
      const ticketId = 'ticketId' in event ? event.ticketId : null;
      this.insertRow.run(seq, event.at, event.type, ticketId, JSON.stringify(event));
    }
  }

  after(seq: number, limit = 10_000): StoredEvent[] {
    return (this.selectAfter.all(seq, limit) as EventRow[]).map(toStored);
  }

  countAfterSeq(seq: number): number {
    return this.countAfter.get(seq) as number;
  }

  /** Every event of the tickets issued on `day` (including their expiry after midnight). */
  forDay(day: string): StoredEvent[] {
    return (this.selectForDay.all(day) as EventRow[]).map(toStored);
  }

  saveSnapshot(seq: number, at: number, state: string): void {
    this.insertSnapshot.run(seq, at, state);
  }

  /** The newest snapshot not beyond `maxSeq` (a snapshot can never be ahead of the log, but be safe). */
  latestSnapshot(maxSeq: number): { seq: number; state: string } | undefined {
    return this.selectSnapshot.get(maxSeq) as { seq: number; state: string } | undefined;
  }

  *iterateAfter(seq: number, batch = 5_000): Generator<StoredEvent> {
    let from = seq;
    for (;;) {
      const rows = this.after(from, batch);
      if (rows.length === 0) return;
      yield* rows;
      from = rows[rows.length - 1]!.seq;
    }
  }
}

function toStored(row: EventRow): StoredEvent {
  return { ...(JSON.parse(row.payload) as DomainEvent), seq: row.seq };
}
