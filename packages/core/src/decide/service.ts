import type { CommandOf, Instant } from '@bb/protocol';
import { accept, fail, type Decision } from '../fail.ts';
import type { OfficeState } from '../state.ts';
import {
  busy,
  counterOf,
  heldHere,
  isRefused,
  staffed,
  ticketOf,
  unknownService,
  wrongStatus,
} from './guards.ts';

export function start(state: OfficeState, cmd: CommandOf<'ticket.start'>, now: Instant): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['called'], 'start');
  if (isRefused(t)) return t;
  return accept({ type: 'TicketStarted', at: now, ticketId: t.id, counterId: cmd.counterId });
}

export function finish(state: OfficeState, cmd: CommandOf<'ticket.finish'>, now: Instant): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['serving'], 'finish');
  if (isRefused(t)) return t;
  const unknown = unknownService(state, cmd.handledServices);
  if (unknown) return unknown;
  return accept({
    type: 'TicketFinished',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    handledServices: cmd.handledServices,
  });
}

/** Hand the visit on, keeping the number and the original arrival, to another service and/or counter. */
export function transfer(state: OfficeState, cmd: CommandOf<'ticket.transfer'>, now: Instant): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['called', 'serving'], 'transfer');
  if (isRefused(t)) return t;
  if (!cmd.toServiceId && !cmd.toCounterId)
    return fail('VALIDATION_FAILED', 'a transfer needs a service or a counter', { field: 'toServiceId' });
  const toServiceId = cmd.toServiceId ?? t.services[0]!;
  const unknown = unknownService(state, [toServiceId]);
  if (unknown) return unknown;
  if (cmd.toCounterId) {
    const target = counterOf(state, cmd.toCounterId);
    if (isRefused(target)) return target;
  }
  return accept({
    type: 'TicketTransferred',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    toServiceId,
    ...(cmd.toCounterId ? { toCounterId: cmd.toCounterId } : {}),
    hasNote: Boolean(cmd.note?.trim()),
  });
}

export function park(state: OfficeState, cmd: CommandOf<'ticket.park'>, now: Instant): Decision {
  const t = heldHere(state, cmd.ticketId, cmd.counterId, ['serving'], 'park');
  if (isRefused(t)) return t;
  return accept({ type: 'TicketParked', at: now, ticketId: t.id, counterId: cmd.counterId });
}

/** A parked case is called back, to this counter, which must be free. */
export function resume(state: OfficeState, cmd: CommandOf<'ticket.resume'>, now: Instant): Decision {
  const t = ticketOf(state, cmd.ticketId);
  if (isRefused(t)) return t;
  if (t.status !== 'parked') return wrongStatus(t, 'resume');
  // A paused clerk may still take back their parked case; only a held ticket stands in the way.
  const ready = staffed(state, cmd.counterId);
  if (isRefused(ready)) return ready;
  if (ready.counter.ticketId) return busy(state, ready.counter);
  return accept({
    type: 'TicketResumed',
    at: now,
    ticketId: t.id,
    counterId: cmd.counterId,
    clerkId: ready.session.clerkId,
  });
}
