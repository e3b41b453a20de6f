import type { CommandOf, Instant } from '@bb/protocol';
import { accept, fail, type Decision } from '../fail.ts';
import type { OfficeState } from '../state.ts';
import { isRefused, ticketOf, wrongStatus } from './guards.ts';

export function cancel(state: OfficeState, cmd: CommandOf<'ticket.cancel'>, now: Instant): Decision {
  const t = ticketOf(state, cmd.ticketId);
  if (isRefused(t)) return t;
  if (t.status !== 'waiting' && t.status !== 'called') return wrongStatus(t, 'cancel');
  if (t.status === 'called' && cmd.counterId && t.counterId !== cmd.counterId)
    return fail('TICKET_HELD_BY_OTHER_COUNTER', `ticket ${t.number} is at another counter`, {
      number: t.number,
      counterId: t.counterId,
    });
  return accept({
    type: 'TicketCancelled',
    at: now,
    ticketId: t.id,
    ...(cmd.counterId ? { counterId: cmd.counterId } : {}),
  });
}

export function reactivate(state: OfficeState, cmd: CommandOf<'ticket.reactivate'>, now: Instant): Decision {
  const t = ticketOf(state, cmd.ticketId);
  if (isRefused(t)) return t;
  if (t.status !== 'missed') return wrongStatus(t, 'reactivate');
  return accept({ type: 'TicketReactivated', at: now, ticketId: t.id, via: 'staff' });
}

export function setPriority(
  state: OfficeState,
  cmd: CommandOf<'ticket.setPriority'>,
  now: Instant,
): Decision {
  const t = ticketOf(state, cmd.ticketId);
  if (isRefused(t)) return t;
  if (t.status !== 'waiting' && t.status !== 'called' && t.status !== 'parked')
    return wrongStatus(t, 'change the priority of');
  if (t.priority === cmd.priority) return accept();
  return accept({ type: 'TicketPrioritySet', at: now, ticketId: t.id, priority: cmd.priority });
}
