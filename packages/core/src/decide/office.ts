import type { CommandOf, DomainEvent, Instant } from '@bb/protocol';
import { parseBookingCode } from '../bookingCode.ts';
import { businessDay } from '../calendar.ts';
import { accept, fail, type Decision } from '../fail.ts';
import { unknownService } from './guards.ts';
import type { OfficeState } from '../state.ts';

export function setIssuing(state: OfficeState, cmd: CommandOf<'issuing.set'>, now: Instant): Decision {
  const unknown = unknownService(state, [cmd.serviceId]);
  if (unknown) return unknown;
  return accept({
    type: 'IssuingSwitched',
    at: now,
    enabled: cmd.enabled,
    ...(cmd.serviceId ? { serviceId: cmd.serviceId } : {}),
  });
}

/** All or nothing: one bad row refuses the whole import, so a half-imported day never happens. */
export function importAppointments(
  state: OfficeState,
  cmd: CommandOf<'appointments.import'>,
  now: Instant,
): Decision {
  const ids = new Set<string>();
  const codes = new Map<string, string>();
  for (const a of state.appointments.values()) codes.set(a.bookingCode, a.appointmentId);
  const events: DomainEvent[] = [];
  for (const [i, a] of cmd.appointments.entries()) {
    const field = `appointments.${i}`;
    if (ids.has(a.appointmentId))
      return fail('VALIDATION_FAILED', `${field}.appointmentId: appears twice`, {
        field: `${field}.appointmentId`,
      });
    ids.add(a.appointmentId);
    const unknown = a.services.find((id) => !state.config.services.some((s) => s.id === id));
    if (unknown)
      return fail('UNKNOWN_SERVICE', `${field}: no service '${unknown}'`, { serviceId: unknown, field });
    const code = parseBookingCode(a.bookingCode);
    if (code.length < 3) return fail('VALIDATION_FAILED', `${field}.bookingCode: too short`, { field });
    const owner = codes.get(code);
    if (owner !== undefined && owner !== a.appointmentId)
      return fail('VALIDATION_FAILED', `${field}.bookingCode: belongs to another appointment`, {
        field: `${field}.bookingCode`,
      });
    codes.set(code, a.appointmentId);
    const known = state.appointments.get(a.appointmentId);
    const same =
      known &&
      known.bookingCode === code &&
      known.slotAt === a.slotAt &&
      known.services.join() === a.services.join();
    // A checked-in appointment is a ticket now; the booking system can no longer move it.
    if (same || known?.ticketId) continue;
    events.push({
      type: 'AppointmentScheduled',
      at: now,
      appointmentId: a.appointmentId,
      bookingCode: code,
      services: a.services,
      slotAt: a.slotAt,
    });
  }
  return { ok: true, events };
}

/** Everything still open becomes expired and every clerk is logged out, so the next day starts clean. */
export function closeDay(state: OfficeState, _cmd: CommandOf<'day.close'>, now: Instant): Decision {
  const day = state.day ?? businessDay(now, state.config.office.timeZone);
  const events: DomainEvent[] = [];
  for (const t of state.tickets.values()) events.push({ type: 'TicketExpired', at: now, ticketId: t.id });
  for (const c of state.counters.values())
    if (c.session)
      events.push({ type: 'ClerkLoggedOut', at: now, counterId: c.id, clerkId: c.session.clerkId });
  events.push({ type: 'DayClosed', at: now, day });
  return accept(...events);
}
