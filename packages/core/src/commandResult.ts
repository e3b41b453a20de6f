import type { DomainCommand, DomainEvent, Instant, TicketRef, TicketStatus } from '@bb/protocol';
import type { OfficeState } from './state.ts';
import { issuedTicket } from './views/issuedTicket.ts';

const ENDS: Partial<Record<DomainEvent['type'], TicketStatus>> = {
  TicketFinished: 'done',
  TicketCancelled: 'cancelled',
  TicketExpired: 'expired',
};

/**
 * The `result` part of a successful reply (protocol `commands[type].result`). For tickets handed to a
 * visitor the hub adds the status token.
 */
export function commandResult(
  command: DomainCommand,
  before: OfficeState,
  after: OfficeState,
  events: readonly DomainEvent[],
  now: Instant,
): Record<string, unknown> {
  switch (command.type) {
    case 'ticket.issue':
    case 'appointment.checkIn':
    case 'ticket.reportBack': {
      const id = events.find((e) => 'ticketId' in e)?.ticketId;
      return (id && issuedTicket(after, id, now)) || {};
    }
    case 'counter.callNext':
    case 'ticket.call':
    case 'ticket.recall':
    case 'ticket.markNotAppeared':
    case 'ticket.start':
    case 'ticket.finish':
    case 'ticket.transfer':
    case 'ticket.park':
    case 'ticket.resume':
    case 'ticket.cancel':
    case 'ticket.reactivate':
    case 'ticket.setPriority': {
      const id =
        events.find((e) => 'ticketId' in e)?.ticketId ?? ('ticketId' in command ? command.ticketId : '');
      const live = after.tickets.get(id);
      if (live) return { ticketId: id, number: live.number, status: live.status } satisfies TicketRef;
      // The ticket ended with this command and left the live state.
      const was = before.tickets.get(id);
      const end = events.map((e) => ENDS[e.type]).find(Boolean);
      return was && end ? ({ ticketId: id, number: was.number, status: end } satisfies TicketRef) : {};
    }
    case 'clerk.login': {
      const session = after.counters.get(command.counterId)?.session;
      return {
        counterId: command.counterId,
        clerkId: command.clerkId,
        clerkName: after.config.clerks.find((c) => c.id === command.clerkId)?.name ?? command.clerkId,
        services: session?.services ?? command.services,
        appointmentsOnly: session?.appointmentsOnly ?? command.appointmentsOnly,
      };
    }
    case 'appointments.import': {
      const scheduled = events.filter((e) => e.type === 'AppointmentScheduled');
      const updated = scheduled.filter((e) => before.appointments.has(e.appointmentId)).length;
      return {
        added: scheduled.length - updated,
        updated,
        unchanged: command.appointments.length - scheduled.length,
      };
    }
    case 'day.close': {
      const closed = events.find((e) => e.type === 'DayClosed');
      return {
        day: closed?.type === 'DayClosed' ? closed.day : before.day,
        expired: events.filter((e) => e.type === 'TicketExpired').length,
      };
    }
    case 'clerk.logout':
    case 'counter.pause':
    case 'counter.resume':
    case 'issuing.set':
      return {};
    default: {
      const unhandled: never = command;
      throw new Error(`no result for ${JSON.stringify(unhandled)}`);
    }
  }
}
