import type { CommandOf, Instant, Language, ServiceId } from '@bb/protocol';
import { parseBookingCode } from '../bookingCode.ts';
import { businessDay } from '../calendar.ts';
import { accept, fail, type Decision } from '../fail.ts';
import { walkInRefusal } from '../issuing.ts';
import { nextNumber, normaliseNumber } from '../numbering.ts';
import type { OfficeState } from '../state.ts';
import { findTicketByNumber } from '../tickets.ts';

const MINUTE_MS = 60_000;

export function issueTicket(state: OfficeState, cmd: CommandOf<'ticket.issue'>, now: Instant): Decision {
  const refusal = walkInRefusal(state, cmd.services, now);
  if (refusal) return refusal;
  const prefix = state.config.services.find((s) => s.id === cmd.services[0])!.prefix;
  return newTicket(state, now, {
    prefix,
    services: cmd.services,
    language: cmd.language,
    kind: 'walkIn',
    ...(cmd.kioskId ? { kioskId: cmd.kioskId } : {}),
  });
}

export function checkIn(state: OfficeState, cmd: CommandOf<'appointment.checkIn'>, now: Instant): Decision {
  const code = parseBookingCode(cmd.bookingCode);
  const appointment = [...state.appointments.values()].find((a) => a.bookingCode === code);
  if (!appointment) return fail('APPOINTMENT_NOT_FOUND', 'no appointment with this booking code');
  const existing = appointment.ticketId ? state.tickets.get(appointment.ticketId) : undefined;
  if (existing)
    return fail('APPOINTMENT_ALREADY_CHECKED_IN', 'this appointment is already checked in', {
      number: existing.number,
    });
  const { rules } = state.config;
  const opensAt = appointment.slotAt - rules.checkInEarlyMinutes * MINUTE_MS;
  if (now < opensAt)
    return fail('APPOINTMENT_TOO_EARLY', 'check-in for this appointment has not opened yet', {
      slotAt: appointment.slotAt,
      checkInFrom: opensAt,
    });
  if (now > appointment.slotAt + rules.checkInLateMinutes * MINUTE_MS)
    return fail('APPOINTMENT_TOO_LATE', 'too late for this appointment; a walk-in ticket is possible', {
      slotAt: appointment.slotAt,
      walkInOffered: true,
    });
  return newTicket(state, now, {
    prefix: rules.appointmentPrefix,
    services: appointment.services,
    language: cmd.language,
    kind: 'appointment',
    appointmentId: appointment.appointmentId,
    slotAt: appointment.slotAt,
    ...(cmd.kioskId ? { kioskId: cmd.kioskId } : {}),
  });
}

/** A visitor whose number was missed reports back at the kiosk within the grace period. */
export function reportBack(state: OfficeState, cmd: CommandOf<'ticket.reportBack'>, now: Instant): Decision {
  const number = normaliseNumber(cmd.number, state.config.rules.numberRange.to);
  const t = number ? findTicketByNumber(state, number) : undefined;
  if (!t) return fail('TICKET_NOT_FOUND', 'no ticket with this number today');
  if (t.status !== 'missed')
    return fail('INVALID_TRANSITION', 'only a missed ticket can report back', {
      number: t.number,
      status: t.status,
    });
  if (now > t.missedAt + state.config.rules.missedGraceMinutes * MINUTE_MS)
    return fail('GRACE_PERIOD_OVER', 'the time to report back has passed; please draw a new ticket', {
      number: t.number,
    });
  return accept({ type: 'TicketReactivated', at: now, ticketId: t.id, via: 'kiosk' });
}

interface NewTicket {
  prefix: string;
  services: ServiceId[];
  language: Language;
  kind: 'walkIn' | 'appointment';
  kioskId?: string;
  appointmentId?: string;
  slotAt?: Instant;
}

function newTicket(state: OfficeState, now: Instant, t: NewTicket): Decision {
  const day = businessDay(now, state.config.office.timeZone);
  const choice = nextNumber(state, t.prefix, state.day === day);
  if (!choice)
    return fail('NUMBERS_EXHAUSTED', `every number of prefix ${t.prefix} is in use`, { prefix: t.prefix });
  return accept({
    type: 'TicketIssued',
    at: now,
    // Unique across days and deterministic, so a replay of the log yields the same ids.
    ticketId: `${day}-${choice.number}-${state.ticketSerial + 1}`,
    day,
    seqNo: choice.seqNo,
    number: choice.number,
    ...t,
  });
}
