import type { ServiceId } from '@bb/protocol';
import type { LiveTicket, OfficeState, Ticket } from './state.ts';

export function queueService(t: Ticket): ServiceId {
  return t.services[0]!;
}

/** The live ticket with this number; live numbers are unique, so there is at most one. */
export function findTicketByNumber(state: OfficeState, number: string): LiveTicket | undefined {
  for (const t of state.tickets.values()) if (t.number === number) return t;
  return undefined;
}
