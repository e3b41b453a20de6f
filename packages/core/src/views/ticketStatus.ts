import type { Instant, TicketId, TicketStatusView } from '@bb/protocol';
import { estimateFor } from '../estimate.ts';
import type { OfficeState } from '../state.ts';
import { queueService } from '../tickets.ts';

/** The visitor's own ticket, for the status page on their phone: no names, no other tickets. */
export function ticketStatusView(
  state: OfficeState,
  ticketId: TicketId,
  now: Instant,
): TicketStatusView | null {
  const t = state.tickets.get(ticketId);
  if (!t) return null;
  const waiting = t.status === 'waiting' ? estimateFor(state, queueService(t), now, t) : undefined;
  const at = t.status === 'called' || t.status === 'serving' ? t.counterId : undefined;
  return {
    number: t.number,
    status: t.status,
    ahead: waiting?.ahead ?? 0,
    estimate: waiting?.range ?? null,
    ...(at ? { counterLabel: state.config.counters.find((c) => c.id === at)?.label ?? at } : {}),
    officeName: state.config.office.name,
    updatedAt: now,
  };
}
