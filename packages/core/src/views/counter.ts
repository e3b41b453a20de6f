import type { CounterId, CounterTicket, CounterView, Instant, TicketId } from '@bb/protocol';
import { queueFor } from '../callOrder.ts';
import { memoByObject } from '../memo.ts';
import type { OfficeState, Ticket, TicketOf } from '../state.ts';

/** How many queued tickets a panel gets in full; the length is always exact. */
const QUEUE_SHOWN = 30;
const MISSED_SHOWN = 20;

/** Names and notes are kept by the hub apart from the state; it passes a lookup for the panel. */
export type PersonalLookup = (ticket: { ticketId: TicketId; appointmentId?: string }) => {
  name?: string;
  notes?: string[];
};

export function counterView(
  state: OfficeState,
  counterId: CounterId,
  now: Instant,
  personal?: PersonalLookup,
): CounterView {
  const { config } = state;
  const counter = state.counters.get(counterId);
  const label = config.counters.find((c) => c.id === counterId)?.label ?? counterId;
  const session = counter?.session ?? null;
  const clerk = session ? config.clerks.find((c) => c.id === session.clerkId) : undefined;
  const toView = (t: Ticket) => counterTicket(t, personal);
  const queue = queueFor(state, counterId, now);
  const { parked, missed } = parkedAndMissed(state);
  const current = counter?.ticketId ? state.tickets.get(counter.ticketId) : undefined;
  return {
    role: 'counter',
    counterId,
    label,
    clerk: session ? { id: session.clerkId, name: clerk?.name ?? session.clerkId } : null,
    services: session?.services ?? [],
    appointmentsOnly: session?.appointmentsOnly ?? false,
    paused: counter?.paused ?? false,
    current: current ? toView(current) : null,
    queue: queue.slice(0, QUEUE_SHOWN).map(toView),
    queueLength: queue.length,
    parked: parked.map(toView),
    missed: missed.map(toView),
    catalog: {
      services: config.services.map((s) => ({ id: s.id, name: s.name })),
      counters: config.counters.map((c) => ({ id: c.id, label: c.label })),
    },
  };
}

/** Shared by every counter's view of one state. */
const parkedAndMissed = memoByObject((state: OfficeState) => {
  const parked: Ticket[] = [];
  const missed: TicketOf<'missed'>[] = [];
  for (const t of state.tickets.values()) {
    if (t.status === 'parked') parked.push(t);
    else if (t.status === 'missed') missed.push(t);
  }
  return { parked, missed: missed.sort((a, b) => b.missedAt - a.missedAt).slice(0, MISSED_SHOWN) };
});

function counterTicket(t: Ticket, personal?: PersonalLookup): CounterTicket {
  const extra = personal?.({
    ticketId: t.id,
    ...(t.appointmentId ? { appointmentId: t.appointmentId } : {}),
  });
  return {
    ticketId: t.id,
    number: t.number,
    status: t.status,
    kind: t.kind,
    services: t.services,
    priority: t.priority,
    arrivedAt: t.arrivedAt,
    callCount: t.callCount,
    ...(t.slotAt !== undefined ? { slotAt: t.slotAt } : {}),
    ...(t.status === 'called' || t.status === 'serving' ? { calledAt: t.calledAt } : {}),
    ...(t.status === 'serving' ? { startedAt: t.startedAt } : {}),
    ...(t.blockedUntil !== undefined ? { blockedUntil: t.blockedUntil } : {}),
    ...(t.forCounterId !== undefined ? { forCounterId: t.forCounterId } : {}),
    ...(extra?.name ? { name: extra.name } : {}),
    ...(extra?.notes?.length ? { notes: extra.notes } : {}),
  };
}
