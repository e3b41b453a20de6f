import type { DomainEvent, OfficeConfig, StoredEvent } from '@bb/protocol';
import { serializeState } from '@bb/core';
import { DateTime } from 'luxon';
import { openDb } from '../../apps/hub/src/store/db.ts';
import { createStores } from '../../apps/hub/src/store/stores.ts';
import { simulateDay } from '../simulate/day.ts';

/**
 * Writes about `targetTickets` tickets' worth of business days of history into a hub database, the way the hub itself would have: the event
 * log, the ticket projection, and a snapshot at the last day close. One simulated day is replayed with
 * shifted dates and renamed tickets, which keeps building 300,000 tickets to seconds.
 */
export function buildHistory(
  dataDir: string,
  config: OfficeConfig,
  targetTickets: number,
  arrivalsPerMinute: number,
) {
  const zone = config.office.timeZone;
  const first = DateTime.fromISO('2025-11-24T08:00', { zone });
  const sim = simulateDay(config, first.toMillis(), { seed: 42, arrivalsPerMinute });
  const perDay = sim.state.ticketSerial;
  const days = Math.ceil(targetTickets / perDay);
  const db = openDb(dataDir);
  const stores = createStores(db);
  let seq = stores.events.lastSeq();
  let at = 0;
  for (let d = 0; d < days; d++) {
    const open = first.plus({ days: d });
    const shift = open.toMillis() - first.toMillis();
    const day = open.toISODate()!;
    const events = sim.events.map((e) => moved(e, shift, day, d * perDay));
    db.transaction(() => {
      const stored: StoredEvent[] = stores.events.append(events, seq);
      for (const e of stored) stores.tickets.apply(e);
      seq += stored.length;
    })();
    at = events.at(-1)!.at;
  }
  const snapshot = JSON.parse(serializeState(sim.state)) as { ticketSerial: number };
  snapshot.ticketSerial = perDay * days;
  stores.events.saveSnapshot(seq, at, JSON.stringify(snapshot));
  db.close();
  return { days, tickets: perDay * days, events: seq };
}

function moved(e: DomainEvent, shift: number, day: string, serialOffset: number): DomainEvent {
  const copy = { ...e, at: e.at + shift } as DomainEvent & {
    ticketId?: string;
    day?: string;
    slotAt?: number;
  };
  if (copy.ticketId) {
    const [, number, serial] = /^\d{4}-\d{2}-\d{2}-(\w+)-(\d+)$/.exec(copy.ticketId)!;
    copy.ticketId = `${day}-${number}-${Number(serial) + serialOffset}`;
  }
  if (copy.day !== undefined) copy.day = day;
  if (copy.slotAt !== undefined) copy.slotAt += shift;
  return copy;
}
