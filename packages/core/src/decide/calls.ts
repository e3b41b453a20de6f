import type { CommandOf, Instant } from '@bb/protocol';
import { queueFor } from '../callOrder.ts';
import { accept, fail, type Decision } from '../fail.ts';
import type { OfficeState } from '../state.ts';
import { heldHere, isRefused, readyToCall, ticketOf, wrongStatus } from './guards.ts';

const MINUTE_MS = 60_000;

export function callNext(state: OfficeState, cmd: CommandOf<'counter.callNext'>, now: Instant): Decision {
  const ready = readyToCall(state, cmd.counterId);
  if (isRefused(ready)) return ready;
  const next = queueFor(state, cmd.counterId, now)[0];
  if (!next) return fail('QUEUE_EMPTY', 'nobody is waiting for this counter');
  return accept({
    type: 'TicketCalled',
    at: now,
    ticketId: next.id,
    counterId: cmd.counterId,
    clerkId: ready.session.clerkId,
    callCount: next.callCount + 1,
  });
}

/** Calling a particular ticket out of order: staff know why, so skills and appointment lead do not apply. */
export function callTicket(state: OfficeState, cmd: CommandOf<'ticket.call'>, now: Instant): Decision {
  const ready = readyToCall(state, cmd.counterId);
  if (isRefused(ready)) return ready;
  const t = ticketOf(state, cmd.ticketId);
  if (isRefused(t)) return t;
  if (t.status === 'called' || t.status === 'serving' || t.status === 'parked')
    return fail('TICKET_HELD_BY_OTHER_COUNTER', `ticket ${t.number} is already at a counter`, {
      number: t.number,
      counterId: t.counterId,
    });
  if (t.status !== 'waiting') return wrongStatus(t, 'call');
  if (t.blockedUntil !== undefined && t.blockedUntil > now)
    return fail('TICKET_BLOCKED', `ticket ${t.number} was just called and may be called again later`, {
      number: t.number,
      until: t.blockedUntil,
    });
  return accept({
    type: 'TicketCalled',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    clerkId: ready.session.clerkId,
    callCount: t.callCount + 1,
  });
}

export function recall(state: OfficeState, cmd: CommandOf<'ticket.recall'>, now: Instant): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['called'], 'recall');
  if (isRefused(t)) return t;
  if (t.callCount >= state.config.rules.maxCalls)
    return fail('CALL_LIMIT_REACHED', `ticket ${t.number} was called ${t.callCount} times`, {
      number: t.number,
      maxCalls: state.config.rules.maxCalls,
    });
  return accept({
    type: 'TicketRecalled',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    callCount: t.callCount + 1,
  });
}

/** Back to the queue with a block time, or missed once the call limit is reached. */
export function markNotAppeared(
  state: OfficeState,
  cmd: CommandOf<'ticket.markNotAppeared'>,
  now: Instant,
): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['called'], 'mark as not appeared');
  if (isRefused(t)) return t;
  const { maxCalls, blockMinutes } = state.config.rules;
  if (t.callCount >= maxCalls)
    return accept({ type: 'TicketMissed', at: now, ticketId: t.id, counterId: cmd.counterId });
  return accept({
    type: 'TicketNotAppeared',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    blockedUntil: now + blockMinutes * MINUTE_MS,
  });
}
