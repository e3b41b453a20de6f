import type { Instant, IssuedTicket, TicketId } from '@bb/protocol';
import { estimateFor } from '../estimate.ts';
import type { OfficeState } from '../state.ts';
import { queueService } from '../tickets.ts';

/** What the kiosk shows and prints for a ticket; the hub adds the status token. */
export function issuedTicket(
  state: OfficeState,
  ticketId: TicketId,
  now: Instant,
): Omit<IssuedTicket, 'statusToken'> | null {
  const t = state.tickets.get(ticketId);
  if (!t) return null;
  const e = estimateFor(state, queueService(t), now, t);
  return {
    ticketId: t.id,
    number: t.number,
    kind: t.kind,
    services: t.services,
    language: t.language,
    issuedAt: t.issuedAt,
    ...(t.slotAt !== undefined ? { slotAt: t.slotAt } : {}),
    ahead: e.ahead,
    estimate: e.range,
  };
}
