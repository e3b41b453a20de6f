import type { StoredEvent, TicketStatus } from '@bb/protocol';
import type { Db } from './db.ts';

export type TicketRow = {
  ticket_id: string;
  day: string;
  number: string;
  kind: string;
  service_id: string;
  status: TicketStatus;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  ended_at: number | null;
  last_counter_id: string | null;
  updated_at: number;
};

const STATUS_AFTER: Partial<Record<StoredEvent['type'], TicketStatus>> = {
  TicketCalled: 'called',
  TicketRecalled: 'called',
  TicketNotAppeared: 'waiting',
  TicketMissed: 'missed',
  TicketStarted: 'serving',
  TicketFinished: 'done',
  TicketTransferred: 'waiting',
  TicketParked: 'parked',
  TicketResumed: 'called',
  TicketCancelled: 'cancelled',
  TicketReactivated: 'waiting',
  TicketExpired: 'expired',
};

/**
 * One row per ticket with its current status and key instants: answers the status page after the ticket has
 * left the live state, and selects a day's events for statistics. Runs in the append transaction; every
 * update is idempotent, so replaying the log over it is safe.
 */
export class TicketProjection {
  private readonly insert;
  private readonly update;
  private readonly select;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO tickets (ticket_id, day, number, kind, service_id, status, issued_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE tickets SET status = @status, updated_at = @at,
         first_called_at = CASE WHEN @called = 1 THEN COALESCE(first_called_at, @at) ELSE first_called_at END,
         started_at = CASE WHEN @started = 1 THEN COALESCE(started_at, @at) ELSE started_at END,
         ended_at = CASE WHEN @ended = 1 THEN @at ELSE ended_at END,
         last_counter_id = COALESCE(@counterId, last_counter_id)
       WHERE ticket_id = @ticketId`,
    );
    this.select = db.prepare('SELECT * FROM tickets WHERE ticket_id = ?');
  }

  apply(event: StoredEvent): void {
    if (event.type === 'TicketIssued') {
      this.insert.run(
        event.ticketId,
        event.day,
        event.number,
        event.kind,
        event.services[0],
        event.at,
        event.at,
      );
      return;
    }
    const status = STATUS_AFTER[event.type];
    if (!status || !('ticketId' in event)) return;
    this.update.run({
      status,
      at: event.at,
      called: event.type === 'TicketCalled' ? 1 : 0,
      started: event.type === 'TicketStarted' ? 1 : 0,
      ended: status === 'done' || status === 'cancelled' || status === 'expired' ? 1 : 0,
      counterId: 'counterId' in event ? (event.counterId ?? null) : null,
      ticketId: event.ticketId,
    });
  }

  get(ticketId: string): TicketRow | undefined {
    return this.select.get(ticketId) as TicketRow | undefined;
  }
}
