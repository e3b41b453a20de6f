import type {
  ClerkId,
  CounterId,
  Instant,
  Language,
  LocalDate,
  OfficeConfig,
  Priority,
  ServiceId,
  TicketId,
  TicketKind,
} from '@bb/protocol';

interface TicketBase {
  id: TicketId;
  number: string;
  prefix: string;
  seqNo: number;
  /** Issue order within the office (breaks ties between tickets of the same millisecond). */
  serial: number;
  day: LocalDate;
  kind: TicketKind;
  /** The first service is the queue the ticket waits in; the rest are further concerns of the same visit. */
  services: ServiceId[];
  language: Language;
  issuedAt: Instant;
  /** Original arrival: a transfer keeps it, so the visitor keeps their place. */
  arrivedAt: Instant;
  appointmentId?: string;
  slotAt?: Instant;
  priority: Priority;
  /** Calls (and recalls) since the ticket last entered the queue. */
  callCount: number;
  /** After "did not appear" the ticket may not be called again before this instant. */
  blockedUntil?: Instant;
  /** Sent to one particular counter by a transfer. */
  forCounterId?: CounterId;
  /** When the ticket was first called (for the waiting time); kept across later calls. */
  firstCalledAt?: Instant;
}

interface HeldBy {
  counterId: CounterId;
  clerkId: ClerkId;
}

/** A ticket is a discriminated union on status, so a state that the life cycle forbids cannot be written down. */
export type Ticket =
  | (TicketBase & { status: 'waiting' })
  | (TicketBase & HeldBy & { status: 'called'; calledAt: Instant })
  | (TicketBase & HeldBy & { status: 'serving'; calledAt: Instant; startedAt: Instant })
  | (TicketBase & HeldBy & { status: 'parked'; parkedAt: Instant })
  | (TicketBase & { status: 'missed'; missedAt: Instant })
  | (TicketBase & { status: 'done' | 'cancelled' | 'expired'; endedAt: Instant });

export type TicketOf<S extends Ticket['status']> = Extract<Ticket, { status: S }>;
export type LiveTicket = TicketOf<'waiting' | 'called' | 'serving' | 'parked' | 'missed'>;

export interface ClerkSession {
  clerkId: ClerkId;
  /** Empty means every service. */
  services: ServiceId[];
  appointmentsOnly: boolean;
}

export interface CounterState {
  id: CounterId;
  session: ClerkSession | null;
  paused: boolean;
  /** The one ticket this counter holds (called or serving), if any. */
  ticketId: TicketId | null;
}

export interface Appointment {
  appointmentId: string;
  /** Normalised (see parseBookingCode). */
  bookingCode: string;
  services: ServiceId[];
  slotAt: Instant;
  ticketId?: TicketId;
}

export interface CallRecord {
  callId: string;
  ticketId: TicketId;
  number: string;
  counterId: CounterId;
  at: Instant;
  recall: boolean;
}

/** Today's observed handling times per service (start -> finish, summed over parks). */
export interface HandlingStats {
  count: number;
  totalMs: number;
}

/**
 * Everything the rules need to decide. Only the open business day lives here (plus future appointments);
 * history is in the hub's event log. Immutable: `evolve` returns a new object.
 */
export interface OfficeState {
  config: OfficeConfig;
  /** The business day the live tickets belong to; null before the first ticket or after day close. */
  day: LocalDate | null;
  /** Live tickets only: a ticket that is done, cancelled or expired leaves (its history is in the log). */
  tickets: ReadonlyMap<TicketId, LiveTicket>;
  counters: ReadonlyMap<CounterId, CounterState>;
  appointments: ReadonlyMap<string, Appointment>;
  issuing: { enabled: boolean; disabledServices: ReadonlySet<ServiceId> };
  /** Highest running number issued per prefix on `day`. */
  lastSeqNo: ReadonlyMap<string, number>;
  /** Walk-in tickets issued on `day` per service (for quotas). */
  walkInsIssued: ReadonlyMap<ServiceId, number>;
  handling: ReadonlyMap<ServiceId, HandlingStats>;
  /** Newest first; the hall display shows the first few. */
  calls: readonly CallRecord[];
  callSeq: number;
  /** Tickets ever issued by this office: makes ticket ids unique and deterministic on replay. */
  ticketSerial: number;
  /** Serving time accumulated before a park, per ticket (service time is summed over parks). */
  servedMs: ReadonlyMap<TicketId, number>;
}
