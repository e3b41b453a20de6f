import type { CounterId, Instant } from '@bb/protocol';
import type { ClerkSession, OfficeState, Ticket, TicketOf } from './state.ts';
import { memoByObjectAndNumber } from './memo.ts';
import { queueService } from './tickets.ts';

const MINUTE_MS = 60_000;

/**
 * The call-order policy. Tickets compare by
 *   1. priority (3 before 1),
 *   2. class: due appointments, overdue walk-ins (waiting longer than the starvation threshold) and
 *      tickets sent to a counter by a transfer come before other walk-ins,
 *   3. time: appointments by their slot, walk-ins by their (original) arrival,
 *   4. issue order.
 * So appointments go ahead of walk-ins that are not overdue, and a walk-in that has waited long
 * competes with appointments on equal terms instead of being starved.
 */
export function rankKey(state: OfficeState, t: Ticket, now: Instant): [number, number, number, number] {
  const starvationMs = state.config.rules.walkInStarvationMinutes * MINUTE_MS;
  const urgentClass =
    t.kind === 'appointment' || t.forCounterId !== undefined || now - t.arrivedAt >= starvationMs ? 0 : 1;
  const time = t.kind === 'appointment' && t.slotAt !== undefined ? t.slotAt : t.arrivedAt;
  return [-t.priority, urgentClass, time, t.serial];
}

export function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Whether a waiting ticket may be called now at all (block time, appointment not yet due). */
export function isCallableNow(state: OfficeState, t: TicketOf<'waiting'>, now: Instant): boolean {
  if (t.blockedUntil !== undefined && t.blockedUntil > now) return false;
  if (t.kind === 'appointment' && t.slotAt !== undefined) {
    const leadMs = state.config.rules.appointmentCallableLeadMinutes * MINUTE_MS;
    if (now < t.slotAt - leadMs) return false;
  }
  return true;
}

/** Whether a clerk with this session at this counter serves the ticket. */
export function serves(session: ClerkSession, counterId: CounterId, t: Ticket): boolean {
  if (t.forCounterId !== undefined) return t.forCounterId === counterId;
  if (session.appointmentsOnly && t.kind !== 'appointment') return false;
  return session.services.length === 0 || session.services.includes(queueService(t));
}

/** Every waiting ticket that may be called now, best first: ranked once, shared by all counters. */
export const callableRanked = memoByObjectAndNumber(
  (state: OfficeState, now: Instant): TicketOf<'waiting'>[] => {
    const candidates: { t: TicketOf<'waiting'>; key: number[] }[] = [];
    for (const t of state.tickets.values())
      if (t.status === 'waiting' && isCallableNow(state, t, now))
        candidates.push({ t, key: rankKey(state, t, now) });
    return candidates.sort((a, b) => compareRank(a.key, b.key)).map((c) => c.t);
  },
);

/** The tickets a counter may call now, best first. */
export function queueFor(state: OfficeState, counterId: CounterId, now: Instant): TicketOf<'waiting'>[] {
  const session = state.counters.get(counterId)?.session;
  if (!session) return [];
  return callableRanked(state, now).filter((t) => serves(session, counterId, t));
}
