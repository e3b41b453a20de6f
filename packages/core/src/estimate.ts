import type { Instant, ServiceId, WaitEstimate } from '@bb/protocol';
import { compareRank, rankKey } from './callOrder.ts';
import type { OfficeState, Ticket } from './state.ts';
import { memoByObject } from './memo.ts';
import { queueService } from './tickets.ts';

const MINUTE_MS = 60_000;
const ROUND_TO_MINUTES = 5;

/** Average handling minutes: today's observed mean once there are enough samples, else the configured value. */
export function averageMinutes(state: OfficeState, serviceId: ServiceId): number {
  const observed = state.handling.get(serviceId);
  if (observed && observed.count >= state.config.rules.estimateMinSamples)
    return observed.totalMs / observed.count / MINUTE_MS;
  return state.config.services.find((s) => s.id === serviceId)?.averageMinutes ?? 10;
}

/** Desks currently able to take walk-ins of a service (logged in, not paused). At least one is assumed. */
export function desksServing(state: OfficeState, serviceId: ServiceId): number {
  let desks = 0;
  for (const c of state.counters.values()) {
    const s = c.session;
    if (!s || c.paused || s.appointmentsOnly) continue;
    if (s.services.length === 0 || s.services.includes(serviceId)) desks++;
  }
  return Math.max(1, desks);
}

/** Waiting tickets in the queue of a service that come before `ticket` (all of them for a new ticket). */
export function ticketsAhead(
  state: OfficeState,
  serviceId: ServiceId,
  now: Instant,
  ticket?: Ticket,
): Ticket[] {
  const own = ticket ? rankKey(state, ticket, now) : undefined;
  const ahead: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || queueService(t) !== serviceId || t.id === ticket?.id) continue;
    if (!own || compareRank(rankKey(state, t, now), own) < 0) ahead.push(t);
  }
  return ahead;
}

/** Expected wait in minutes: the work ahead (every concern of every ticket) shared by the desks serving it. */
export function expectedWaitMinutes(state: OfficeState, serviceId: ServiceId, ahead: Ticket[]): number {
  let work = 0;
  for (const t of ahead) for (const s of t.services) work += averageMinutes(state, s);
  return work / desksServing(state, serviceId);
}

/** A range rather than a promise: "ca. 15–25 Min." for 20 expected minutes. */
export function toRange(expectedMinutes: number): WaitEstimate {
  const minMinutes = Math.floor((expectedMinutes * 0.8) / ROUND_TO_MINUTES) * ROUND_TO_MINUTES;
  const upper = Math.ceil((expectedMinutes * 1.25) / ROUND_TO_MINUTES) * ROUND_TO_MINUTES;
  return { minMinutes, maxMinutes: Math.max(minMinutes + ROUND_TO_MINUTES, upper) };
}

/** Per service: the waiting tickets and their work, as a newcomer would find them. Once per state. */
const waitingByService = memoByObject((state: OfficeState) => {
  const summary = new Map<ServiceId, { count: number; minutes: number }>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting') continue;
    const s = summary.get(queueService(t)) ?? { count: 0, minutes: 0 };
    for (const id of t.services) s.minutes += averageMinutes(state, id);
    s.count++;
    summary.set(queueService(t), s);
  }
  return summary;
});

/** People ahead and the expected wait, for a newcomer to a service or (given) for a waiting ticket. */
export function estimateFor(state: OfficeState, serviceId: ServiceId, now: Instant, ticket?: Ticket) {
  if (ticket) {
    const ahead = ticketsAhead(state, serviceId, now, ticket);
    const minutes = expectedWaitMinutes(state, serviceId, ahead);
    return { ahead: ahead.length, minutes, range: toRange(minutes) };
  }
  const w = waitingByService(state).get(serviceId) ?? { count: 0, minutes: 0 };
  const minutes = w.minutes / desksServing(state, serviceId);
  return { ahead: w.count, minutes, range: toRange(minutes) };
}
