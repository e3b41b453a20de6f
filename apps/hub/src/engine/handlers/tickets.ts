import { all, ownCounter, requireRole, stampKiosk } from '../../auth/guards.ts';
import { newToken, sha256 } from '../../auth/secrets.ts';
import { decideDomain } from '../domain.ts';
import { handler, type RunContext } from '../types.ts';
import type { DomainCommand } from '@bb/protocol';

/**
 * Kiosk commands: the ticket gets a public status token (for the QR code on the printed ticket). Only its hash
 * is stored for lookups; the reply (kept for retries) carries the token itself.
 */
function withStatusToken(command: DomainCommand, ctx: RunContext) {
  const token = newToken(16);
  return decideDomain(command, ctx, {
    extend: (result) => ({ ...result, statusToken: token }),
    effects: (_stored, result) => {
      if (typeof result.ticketId === 'string')
        ctx.stores.personal.addStatusToken(sha256(token), result.ticketId, ctx.now);
    },
  });
}

export const kioskTickets = handler({
  types: ['ticket.issue', 'appointment.checkIn', 'ticket.reportBack'],
  guard: all(requireRole('kiosk'), stampKiosk()),
  run: (command, ctx) => withStatusToken(command, ctx),
});

export const counterTickets = handler({
  types: [
    'ticket.call',
    'ticket.recall',
    'ticket.markNotAppeared',
    'ticket.start',
    'ticket.finish',
    'ticket.park',
    'ticket.resume',
    'ticket.cancel',
    'ticket.reactivate',
    'ticket.setPriority',
  ],
  guard: all(requireRole('counter'), ownCounter()),
  run: (command, ctx) => decideDomain(command, ctx),
});

/** A transfer's note is personal data: it goes to the personal table, the event only says that there is one. */
export const transfer = handler({
  types: ['ticket.transfer'],
  guard: all(requireRole('counter'), ownCounter()),
  run: (command, ctx) =>
    decideDomain(command, ctx, {
      effects: () => {
        const note = command.note?.trim();
        if (note) ctx.stores.personal.addTicketNote(command.ticketId, note, ctx.now);
      },
    }),
});
