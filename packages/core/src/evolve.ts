import type { DomainEvent, EventOf, Instant, TicketId } from '@bb/protocol';
import { businessDay } from './calendar.ts';
import type { CallRecord, CounterState, LiveTicket, OfficeState, Ticket } from './state.ts';

/** How many calls the state remembers; the display shows `rules.displayCallsShown` of them. */
const CALLS_KEPT = 30;

/** Applies one event. Pure and total: replaying the log always gives the same state. */
export function evolve(state: OfficeState, event: DomainEvent): OfficeState {
  switch (event.type) {
    case 'TicketIssued':
      return issued(state, event);
    case 'TicketCalled':
      return called(state, event.ticketId, event.counterId, event.clerkId, event.at, event.callCount, false);
    case 'TicketRecalled': {
      const t = held(state, event.ticketId);
      return called(state, t.id, event.counterId, t.clerkId, event.at, event.callCount, true);
    }
    case 'TicketResumed':
      return called(state, event.ticketId, event.counterId, event.clerkId, event.at, 1, false);
    case 'TicketNotAppeared':
      return release(state, event.ticketId, (t) => ({
        ...base(t),
        status: 'waiting',
        blockedUntil: event.blockedUntil,
      }));
    case 'TicketMissed':
      return release(state, event.ticketId, (t) => ({ ...base(t), status: 'missed', missedAt: event.at }));
    case 'TicketStarted': {
      const t = held(state, event.ticketId);
      if (t.status !== 'called') throw new Error(`ticket ${t.id} started while ${t.status}`);
      return withTicket(state, { ...t, status: 'serving', startedAt: event.at });
    }
    case 'TicketFinished':
      return finished(state, event);
    case 'TicketTransferred':
      return transferred(state, event);
    case 'TicketParked': {
      const t = held(state, event.ticketId);
      const served = t.status === 'serving' ? event.at - t.startedAt : 0;
      const next = release(state, t.id, () => ({
        ...base(t),
        status: 'parked',
        counterId: t.counterId,
        clerkId: t.clerkId,
        parkedAt: event.at,
      }));
      return { ...next, servedMs: addTo(state.servedMs, t.id, served) };
    }
    case 'TicketCancelled':
    case 'TicketExpired':
      return ended(state, event.ticketId);
    case 'TicketReactivated':
      return withTicket(state, { ...base(ticket(state, event.ticketId)), status: 'waiting', callCount: 0 });
    case 'TicketPrioritySet':
      return withTicket(state, { ...ticket(state, event.ticketId), priority: event.priority });
    case 'ClerkLoggedIn':
      return withCounter(state, event.counterId, (c) => ({
        ...c,
        paused: false,
        session: {
          clerkId: event.clerkId,
          services: event.services,
          appointmentsOnly: event.appointmentsOnly,
        },
      }));
    case 'ClerkLoggedOut':
      return withCounter(state, event.counterId, (c) => ({ ...c, session: null, paused: false }));
    case 'CounterPaused':
      return withCounter(state, event.counterId, (c) => ({ ...c, paused: true }));
    case 'CounterResumed':
      return withCounter(state, event.counterId, (c) => ({ ...c, paused: false }));
    case 'IssuingSwitched':
      return switched(state, event);
    case 'AppointmentScheduled':
      return {
        ...state,
        appointments: new Map(state.appointments).set(event.appointmentId, {
          appointmentId: event.appointmentId,
          bookingCode: event.bookingCode,
          services: event.services,
          slotAt: event.slotAt,
        }),
      };
    case 'DayClosed':
      return dayClosed(state, event);
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

function issued(state: OfficeState, e: EventOf<'TicketIssued'>): OfficeState {
  // The first ticket of a new business day starts the day's counters afresh.
  const s = e.day === state.day ? state : { ...newDay(state), day: e.day };
  const t: Ticket = {
    id: e.ticketId,
    number: e.number,
    prefix: e.prefix,
    seqNo: e.seqNo,
    serial: s.ticketSerial + 1,
    day: e.day,
    kind: e.kind,
    services: e.services,
    language: e.language,
    issuedAt: e.at,
    arrivedAt: e.at,
    priority: 1,
    callCount: 0,
    status: 'waiting',
    ...(e.appointmentId !== undefined ? { appointmentId: e.appointmentId } : {}),
    ...(e.slotAt !== undefined ? { slotAt: e.slotAt } : {}),
  };
  const walkInsIssued = new Map(s.walkInsIssued);
  if (e.kind === 'walkIn')
    for (const id of e.services) walkInsIssued.set(id, (walkInsIssued.get(id) ?? 0) + 1);
  const appointments = new Map(s.appointments);
  const appointment = e.appointmentId ? appointments.get(e.appointmentId) : undefined;
  if (appointment) appointments.set(appointment.appointmentId, { ...appointment, ticketId: t.id });
  return {
    ...withTicket(s, t),
    lastSeqNo: new Map(s.lastSeqNo).set(e.prefix, e.seqNo),
    walkInsIssued,
    appointments,
    ticketSerial: s.ticketSerial + 1,
  };
}

function called(
  state: OfficeState,
  ticketId: TicketId,
  counterId: string,
  clerkId: string,
  at: Instant,
  callCount: number,
  recall: boolean,
): OfficeState {
  const t = ticket(state, ticketId);
  const call: CallRecord = {
    callId: `${t.day}:${state.callSeq + 1}`,
    ticketId,
    number: t.number,
    counterId,
    at,
    recall,
  };
  const next = withTicket(state, {
    ...base(t),
    status: 'called',
    counterId,
    clerkId,
    calledAt: at,
    callCount,
    firstCalledAt: t.firstCalledAt ?? at,
  });
  return {
    ...withCounter(next, counterId, (c) => ({ ...c, ticketId })),
    calls: [call, ...state.calls].slice(0, CALLS_KEPT),
    callSeq: state.callSeq + 1,
  };
}

function finished(state: OfficeState, e: EventOf<'TicketFinished'>): OfficeState {
  const t = held(state, e.ticketId);
  const servedMs = (t.status === 'serving' ? e.at - t.startedAt : 0) + (state.servedMs.get(t.id) ?? 0);
  return { ...ended(state, t.id), handling: recordHandling(state, e.handledServices, servedMs) };
}

function transferred(state: OfficeState, e: EventOf<'TicketTransferred'>): OfficeState {
  const t = held(state, e.ticketId);
  const servedMs = (t.status === 'serving' ? e.at - t.startedAt : 0) + (state.servedMs.get(t.id) ?? 0);
  const services = [e.toServiceId, ...t.services.slice(1).filter((s) => s !== e.toServiceId)];
  const next = release(state, t.id, () => {
    const { forCounterId: _old, ...rest } = base(t);
    return {
      ...rest,
      status: 'waiting',
      services,
      callCount: 0,
      ...(e.toCounterId ? { forCounterId: e.toCounterId } : {}),
    };
  });
  const servedMap = new Map(state.servedMs);
  servedMap.delete(t.id);
  const handling = servedMs > 0 ? recordHandling(state, [t.services[0]!], servedMs) : state.handling;
  return { ...next, handling, servedMs: servedMap };
}

function switched(state: OfficeState, e: EventOf<'IssuingSwitched'>): OfficeState {
  if (!e.serviceId) return { ...state, issuing: { ...state.issuing, enabled: e.enabled } };
  const disabled = new Set(state.issuing.disabledServices);
  if (e.enabled) disabled.delete(e.serviceId);
  else disabled.add(e.serviceId);
  return { ...state, issuing: { ...state.issuing, disabledServices: disabled } };
}

function dayClosed(state: OfficeState, e: EventOf<'DayClosed'>): OfficeState {
  const tz = state.config.office.timeZone;
  const appointments = new Map(
    [...state.appointments].filter(([, a]) => businessDay(a.slotAt, tz) > e.day && !a.ticketId),
  );
  const counters = new Map([...state.counters].map(([id, c]) => [id, { ...c, ticketId: null }]));
  return { ...newDay(state), day: null, tickets: new Map(), counters, appointments };
}

/** Resets the per-day figures (numbers, quotas, observed handling times, calls). */
function newDay(state: OfficeState): OfficeState {
  return {
    ...state,
    lastSeqNo: new Map(),
    walkInsIssued: new Map(),
    handling: new Map(),
    calls: [],
    callSeq: 0,
  };
}

// ---- helpers ---------------------------------------------------------------------------------------

/** The fields every status shares, without the status-specific ones. */
function base(t: Ticket) {
  const {
    status: _s,
    counterId: _c,
    clerkId: _k,
    calledAt: _ca,
    startedAt: _sa,
    parkedAt: _pa,
    missedAt: _ma,
    endedAt: _ea,
    blockedUntil: _b,
    ...rest
  } = t as Ticket &
    Partial<
      Record<
        'counterId' | 'clerkId' | 'calledAt' | 'startedAt' | 'parkedAt' | 'missedAt' | 'endedAt',
        unknown
      >
    >;
  return rest;
}

function ticket(state: OfficeState, id: TicketId): LiveTicket {
  const t = state.tickets.get(id);
  // decide() only emits events for tickets it found, so this is a corrupt log, not user input.
  if (!t) throw new Error(`event for unknown ticket ${id}`);
  return t;
}

function held(state: OfficeState, id: TicketId) {
  const t = ticket(state, id);
  if (t.status !== 'called' && t.status !== 'serving' && t.status !== 'parked')
    throw new Error(`event expects ticket ${id} at a counter, it is ${t.status}`);
  return t;
}

function withTicket(state: OfficeState, t: LiveTicket): OfficeState {
  return { ...state, tickets: new Map(state.tickets).set(t.id, t) };
}

function withCounter(state: OfficeState, id: string, f: (c: CounterState) => CounterState): OfficeState {
  const c = state.counters.get(id);
  if (!c) return state; // a counter removed from the configuration since the event was written
  return { ...state, counters: new Map(state.counters).set(id, f(c)) };
}

/**
 * A ticket that reached its end (done, cancelled, expired) leaves the state: only live tickets are kept, so
 * every rule and view works on the queue, not on the whole day. The event log keeps its history.
 */
function ended(state: OfficeState, id: TicketId): OfficeState {
  ticket(state, id);
  const tickets = new Map(state.tickets);
  tickets.delete(id);
  return { ...state, tickets, counters: freed(state.counters, id), servedMs: without(state.servedMs, id) };
}

function freed(counters: ReadonlyMap<string, CounterState>, id: TicketId) {
  let next = counters;
  for (const c of counters.values())
    if (c.ticketId === id) next = new Map(next).set(c.id, { ...c, ticketId: null });
  return next;
}

function without(map: ReadonlyMap<TicketId, number>, id: TicketId) {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}

/** Changes a ticket and frees the counter that held it. */
function release(state: OfficeState, id: TicketId, f: (t: LiveTicket) => LiveTicket): OfficeState {
  const t = ticket(state, id);
  const next = withTicket(state, f(t));
  return { ...next, counters: freed(next.counters, id) };
}

function recordHandling(state: OfficeState, services: readonly string[], servedMs: number) {
  const handling = new Map(state.handling);
  // A visit with several concerns counts a share of its time for each.
  const share = servedMs / services.length;
  for (const id of services) {
    const h = handling.get(id) ?? { count: 0, totalMs: 0 };
    handling.set(id, { count: h.count + 1, totalMs: h.totalMs + share });
  }
  return handling;
}

function addTo(map: ReadonlyMap<TicketId, number>, id: TicketId, ms: number) {
  return new Map(map).set(id, (map.get(id) ?? 0) + ms);
}
