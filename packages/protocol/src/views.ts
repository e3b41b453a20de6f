import { z } from 'zod';
import { DeviceRole, TicketKind, TicketStatus } from './commands.ts';
import { ErrorCode } from './errors.ts';
import {
  ClerkId,
  CounterId,
  Instant,
  Language,
  LocalDate,
  Priority,
  ServiceId,
  TicketId,
  Translated,
  WaitEstimate,
} from './primitives.ts';

/** One call on the hall display. Numbers only: the display never sees names. */
export const DisplayCall = z.object({
  /** Unique per call and recall, so a screen announces each exactly once. */
  callId: z.string(),
  number: z.string(),
  counterId: CounterId,
  counterLabel: z.string(),
  spokenLabel: z.string(),
  at: Instant,
  recall: z.boolean(),
});
export type DisplayCall = z.infer<typeof DisplayCall>;

export const ServiceWaiting = z.object({
  serviceId: ServiceId,
  name: Translated,
  waiting: z.number().int().nonnegative(),
  estimate: WaitEstimate,
});
export type ServiceWaiting = z.infer<typeof ServiceWaiting>;

export const DisplayView = z.object({
  role: z.literal('display'),
  officeName: z.string(),
  timeZone: z.string(),
  open: z.boolean(),
  /** Newest first. */
  calls: z.array(DisplayCall),
  waiting: z.array(ServiceWaiting),
  footer: Translated.optional(),
});
export type DisplayView = z.infer<typeof DisplayView>;

export const KioskService = z.object({
  id: ServiceId,
  prefix: z.string(),
  name: Translated,
  bring: z.array(Translated),
  available: z.boolean(),
  /** Why a walk-in ticket would be refused right now (the hub checks again when issuing). */
  unavailableReason: ErrorCode.optional(),
  waiting: z.number().int().nonnegative(),
  estimate: WaitEstimate,
});
export type KioskService = z.infer<typeof KioskService>;

export const KioskView = z.object({
  role: z.literal('kiosk'),
  officeName: z.string(),
  timeZone: z.string(),
  languages: z.array(Language),
  open: z.boolean(),
  closesAt: Instant.optional(),
  opensAt: Instant.optional(),
  issuingEnabled: z.boolean(),
  services: z.array(KioskService),
  welcome: Translated.optional(),
  ticketFooter: Translated.optional(),
});
export type KioskView = z.infer<typeof KioskView>;

/** A ticket as a clerk sees it. */
export const CounterTicket = z.object({
  ticketId: TicketId,
  number: z.string(),
  status: TicketStatus,
  kind: TicketKind,
  services: z.array(ServiceId),
  priority: Priority,
  arrivedAt: Instant,
  slotAt: Instant.optional(),
  callCount: z.number().int(),
  calledAt: Instant.optional(),
  startedAt: Instant.optional(),
  blockedUntil: Instant.optional(),
  /** Set when another desk sent this ticket to this counter. */
  forCounterId: CounterId.optional(),
  /** Appointment holder's name and clerks' notes: counter only, deleted after retention. */
  name: z.string().optional(),
  notes: z.array(z.string()).optional(),
});
export type CounterTicket = z.infer<typeof CounterTicket>;

export const CounterView = z.object({
  role: z.literal('counter'),
  counterId: CounterId,
  label: z.string(),
  clerk: z.object({ id: ClerkId, name: z.string() }).nullable(),
  services: z.array(ServiceId),
  appointmentsOnly: z.boolean(),
  paused: z.boolean(),
  current: CounterTicket.nullable(),
  /** Tickets this counter may call, in call order (first ones only; see queueLength). */
  queue: z.array(CounterTicket),
  queueLength: z.number().int().nonnegative(),
  parked: z.array(CounterTicket),
  missed: z.array(CounterTicket),
  catalog: z.object({
    services: z.array(z.object({ id: ServiceId, name: Translated })),
    counters: z.array(z.object({ id: CounterId, label: z.string() })),
  }),
});
export type CounterView = z.infer<typeof CounterView>;

export const AdminView = z.object({
  role: z.literal('admin'),
  officeName: z.string(),
  day: LocalDate,
  open: z.boolean(),
  issuingEnabled: z.boolean(),
  counters: z.array(
    z.object({
      counterId: CounterId,
      label: z.string(),
      clerkName: z.string().nullable(),
      paused: z.boolean(),
      currentNumber: z.string().nullable(),
      currentStatus: TicketStatus.nullable(),
    }),
  ),
  services: z.array(
    z.object({
      serviceId: ServiceId,
      name: Translated,
      waiting: z.number().int(),
      issuedToday: z.number().int(),
      quota: z.number().int().nullable(),
      issuingEnabled: z.boolean(),
      estimate: WaitEstimate,
    }),
  ),
});
export type AdminView = z.infer<typeof AdminView>;

export const RoleView = z.discriminatedUnion('role', [DisplayView, KioskView, CounterView, AdminView]);
export type RoleView = z.infer<typeof RoleView>;

/** The public status page of one ticket (for the visitor's phone): no names, no other tickets. */
export const TicketStatusView = z.object({
  number: z.string(),
  status: TicketStatus,
  ahead: z.number().int().nonnegative(),
  estimate: WaitEstimate.nullable(),
  counterLabel: z.string().optional(),
  officeName: z.string(),
  updatedAt: Instant,
});
export type TicketStatusView = z.infer<typeof TicketStatusView>;

export const DeviceIdentity = z.object({
  deviceId: z.string(),
  role: DeviceRole,
  counterId: CounterId.optional(),
  name: z.string(),
});
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;
