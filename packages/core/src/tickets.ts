import type { ServiceId, TicketId } from '@bb/protocol';
import type { OfficeState, Ticket } from './state.ts';

/** Not yet at an end: holds its number and counts for the queue or a desk. */
export function isLive(t: Ticket): boolean {
  return t.status !== 'done' && t.status !== 'cancelled' && t.status !== 'expired';
}

export function queueService(t: Ticket): ServiceId {
  return t.services[0]!;
}

export function findTicket(state: OfficeState, ticketId: TicketId): Ticket | undefined {
  return state.tickets.get(ticketId);
}

export function findTicketByNumber(state: OfficeState, number: string): Ticket | undefined {
  let found: Ticket | undefined;
  // The newest ticket with that number wins (numbers may wrap within a day).
  for (const t of state.tickets.values())
    if (t.number === number && (!found || t.issuedAt >= found.issuedAt)) found = t;
  return found;
}

export function serviceName(state: OfficeState, serviceId: ServiceId): string {
  return state.config.services.find((s) => s.id === serviceId)?.name.de ?? serviceId;
}
