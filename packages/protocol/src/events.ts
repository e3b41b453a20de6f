import { z } from 'zod';
import { TicketKind } from './commands.ts';
import {
  ClerkId,
  CounterId,
  Instant,
  Language,
  LocalDate,
  Prefix,
  Priority,
  ServiceId,
  TicketId,
} from './primitives.ts';

/**
 * Every change of an office's state, past tense. Events hold no personal data (names and notes live apart
 * and are deleted after the retention period), so the log can be kept for statistics.
 */
function event<T extends string, P extends z.ZodRawShape>(type: T, payload: P) {
  return z.strictObject({ type: z.literal(type), at: Instant, ...payload });
}

const onTicket = { ticketId: TicketId };
const atCounter = { ticketId: TicketId, counterId: CounterId };

export const TicketIssued = event('TicketIssued', {
  ticketId: TicketId,
  day: LocalDate,
  prefix: Prefix,
  /** The running number within prefix and day, e.g. 17 for "A017". */
  seqNo: z.number().int().nonnegative(),
  number: z.string(),
  kind: TicketKind,
  services: z.array(ServiceId).min(1),
  language: Language,
  kioskId: z.string().optional(),
  appointmentId: z.string().optional(),
  slotAt: Instant.optional(),
});

export const eventSchemas = [
  TicketIssued,
  event('TicketCalled', { ...atCounter, clerkId: ClerkId, callCount: z.number().int() }),
  event('TicketRecalled', { ...atCounter, callCount: z.number().int() }),
  /** Called but did not come: back to waiting, blocked for a while. */
  event('TicketNotAppeared', { ...atCounter, blockedUntil: Instant }),
  /** Called the maximum number of times without showing up. */
  event('TicketMissed', atCounter),
  event('TicketStarted', atCounter),
  event('TicketFinished', { ...atCounter, handledServices: z.array(ServiceId).min(1) }),
  event('TicketTransferred', {
    ...atCounter,
    toServiceId: ServiceId,
    toCounterId: CounterId.optional(),
    hasNote: z.boolean(),
  }),
  event('TicketParked', atCounter),
  /** A parked case is called back to a counter. */
  event('TicketResumed', { ...atCounter, clerkId: ClerkId }),
  event('TicketCancelled', { ...onTicket, counterId: CounterId.optional() }),
  event('TicketReactivated', { ...onTicket, via: z.enum(['staff', 'kiosk']) }),
  event('TicketPrioritySet', { ...onTicket, priority: Priority }),
  event('TicketExpired', onTicket),
  event('ClerkLoggedIn', {
    counterId: CounterId,
    clerkId: ClerkId,
    services: z.array(ServiceId),
    appointmentsOnly: z.boolean(),
  }),
  event('ClerkLoggedOut', { counterId: CounterId, clerkId: ClerkId }),
  event('CounterPaused', { counterId: CounterId }),
  event('CounterResumed', { counterId: CounterId }),
  event('IssuingSwitched', { enabled: z.boolean(), serviceId: ServiceId.optional() }),
  event('AppointmentScheduled', {
    appointmentId: z.string(),
    bookingCode: z.string(),
    services: z.array(ServiceId).min(1),
    slotAt: Instant,
  }),
  event('DayClosed', { day: LocalDate }),
] as const;

export const DomainEvent = z.discriminatedUnion('type', eventSchemas);
/** An event as `decide` makes it, before the hub gives it a sequence number. */
export type DomainEvent = z.infer<typeof DomainEvent>;
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** An event as stored in the log: with its place in the office's history. */
export type StoredEvent = DomainEvent & { seq: number };
export const StoredEvent = z.intersection(DomainEvent, z.object({ seq: z.number().int().positive() }));
