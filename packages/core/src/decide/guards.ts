import type { CounterId, ServiceId, TicketId } from '@bb/protocol';
import { fail } from '../fail.ts';
import type { ClerkSession, CounterState, OfficeState, Ticket, TicketOf } from '../state.ts';

export type Refused = ReturnType<typeof fail>;

export function isRefused(x: object): x is Refused {
  return 'error' in x;
}

export function counterOf(state: OfficeState, counterId: CounterId): CounterState | Refused {
  return state.counters.get(counterId) ?? fail('UNKNOWN_COUNTER', `no counter '${counterId}'`, { counterId });
}

/** A counter with a clerk logged in: the only kind that can act on tickets. */
export function staffed(
  state: OfficeState,
  counterId: CounterId,
): { counter: CounterState; session: ClerkSession } | Refused {
  const counter = counterOf(state, counterId);
  if (isRefused(counter)) return counter;
  if (!counter.session)
    return fail('COUNTER_NOT_STAFFED', 'no clerk is logged in at this counter', { counterId });
  return { counter, session: counter.session };
}

/** A staffed counter that holds no ticket and is not paused: may call someone. */
export function readyToCall(state: OfficeState, counterId: CounterId) {
  const s = staffed(state, counterId);
  if (isRefused(s)) return s;
  if (s.counter.ticketId) return busy(state, s.counter);
  if (s.counter.paused) return fail('COUNTER_PAUSED', 'the counter is paused', { counterId });
  return s;
}

export function busy(state: OfficeState, counter: CounterState): Refused {
  const held = counter.ticketId ? state.tickets.get(counter.ticketId) : undefined;
  return fail('COUNTER_BUSY', 'finish or hand on the current ticket first', {
    counterId: counter.id,
    ...(held ? { number: held.number } : {}),
  });
}

export function ticketOf(state: OfficeState, ticketId: TicketId): Ticket | Refused {
  return (
    state.tickets.get(ticketId) ?? fail('TICKET_NOT_FOUND', `no live ticket '${ticketId}'`, { ticketId })
  );
}

export function wrongStatus(t: Ticket, action: string): Refused {
  return fail('INVALID_TRANSITION', `cannot ${action} a ${t.status} ticket`, {
    number: t.number,
    status: t.status,
  });
}

/** A ticket this counter holds in one of the given states (so no counter can act on another's ticket). */
export function heldHere<S extends 'called' | 'serving' | 'parked'>(
  state: OfficeState,
  ticketId: TicketId,
  counterId: CounterId,
  statuses: readonly S[],
  action: string,
): TicketOf<S> | Refused {
  const t = ticketOf(state, ticketId);
  if (isRefused(t)) return t;
  if (!(statuses as readonly string[]).includes(t.status)) return wrongStatus(t, action);
  const held = t as TicketOf<'called' | 'serving' | 'parked'>;
  if (held.counterId !== counterId)
    return fail('TICKET_HELD_BY_OTHER_COUNTER', `ticket ${t.number} is at another counter`, {
      number: t.number,
      counterId: held.counterId,
    });
  return held as TicketOf<S>;
}

/** The first of these services the office does not offer, as a refusal; undefined when all are known. */
export function unknownService(
  state: OfficeState,
  ids: readonly (ServiceId | undefined)[],
  field?: string,
): Refused | undefined {
  const unknown = ids.find((id) => id !== undefined && !state.config.services.some((s) => s.id === id));
  if (unknown === undefined) return undefined;
  const where = field ? `${field}: ` : '';
  return fail('UNKNOWN_SERVICE', `${where}no service '${unknown}'`, {
    serviceId: unknown,
    ...(field ? { field } : {}),
  });
}
