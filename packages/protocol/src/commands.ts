import { z } from 'zod';
import { ErrorReply, errorReply } from './errors.ts';
import {
  ClerkId,
  CommandId,
  CounterId,
  Instant,
  Language,
  LocalDate,
  Priority,
  ServiceId,
  TicketId,
  WaitEstimate,
} from './primitives.ts';

export const DeviceRole = z.enum(['kiosk', 'display', 'counter', 'admin']);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const TicketStatus = z.enum([
  'waiting',
  'called',
  'serving',
  'parked',
  'done',
  'missed',
  'cancelled',
  'expired',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketKind = z.enum(['walkIn', 'appointment']);
export type TicketKind = z.infer<typeof TicketKind>;

// ---- results -------------------------------------------------------------------------------------------

/** What the kiosk shows and prints after issuing or check-in. */
export const IssuedTicket = z.object({
  ticketId: TicketId,
  number: z.string(),
  kind: TicketKind,
  services: z.array(ServiceId),
  language: Language,
  issuedAt: Instant,
  slotAt: Instant.optional(),
  /** People who will be called before this ticket (for its first service). */
  ahead: z.number().int().nonnegative(),
  estimate: WaitEstimate,
  /** Unguessable token of the public status page (`/api/status/<token>`). */
  statusToken: z.string(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const TicketRef = z.object({ ticketId: TicketId, number: z.string(), status: TicketStatus });
export type TicketRef = z.infer<typeof TicketRef>;

const ClerkSession = z.object({
  counterId: CounterId,
  clerkId: ClerkId,
  clerkName: z.string(),
  services: z.array(ServiceId),
  appointmentsOnly: z.boolean(),
});
const Done = z.object({});
const ImportResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
const DayClosed = z.object({ day: LocalDate, expired: z.number().int() });
const PairingCode = z.object({
  code: z.string(),
  role: DeviceRole,
  counterId: CounterId.optional(),
  expiresAt: Instant,
});

// ---- inputs --------------------------------------------------------------------------------------------

export const AppointmentInput = z
  .object({
    /** The booking system's id; re-importing the same id updates the appointment. */
    appointmentId: z.string().min(1).max(64),
    /** What the visitor types or scans at the kiosk (from the confirmation e-mail). */
    bookingCode: z.string().min(3).max(64),
    services: z.array(ServiceId).min(1).max(5),
    slotAt: Instant,
    /** Personal data: kept apart from the event log and deleted after the retention period. */
    name: z.string().max(120).optional(),
    note: z.string().max(500).optional(),
  })
  .strict();
export type AppointmentInput = z.infer<typeof AppointmentInput>;

const ticketAtCounter = { ticketId: TicketId, counterId: CounterId };
const uniqueServices = (min: number) =>
  z
    .array(ServiceId)
    .min(min)
    .max(5)
    .refine((s) => new Set(s).size === s.length, { message: 'services must not repeat' });

// ---- the map -------------------------------------------------------------------------------------------

function command<T extends string, P extends z.ZodRawShape, R extends z.ZodType>(
  type: T,
  payload: P,
  result: R,
) {
  return {
    request: z.strictObject({ id: CommandId, type: z.literal(type), ...payload }),
    result,
  };
}

/** Every command a client can send: name -> request schema (`{ id, type, ...payload }`) and result schema. */
export const commands = {
  // kiosk
  'ticket.issue': command(
    'ticket.issue',
    { services: uniqueServices(1), language: Language, kioskId: z.string().max(64).optional() },
    IssuedTicket,
  ),
  'appointment.checkIn': command(
    'appointment.checkIn',
    { bookingCode: z.string().min(1).max(512), language: Language, kioskId: z.string().max(64).optional() },
    IssuedTicket,
  ),
  /** A visitor whose number was missed reports back at the kiosk within the grace period. */
  'ticket.reportBack': command(
    'ticket.reportBack',
    { number: z.string().min(2).max(8), language: Language },
    IssuedTicket,
  ),
  // counter
  'counter.callNext': command('counter.callNext', { counterId: CounterId }, TicketRef),
  'ticket.call': command('ticket.call', ticketAtCounter, TicketRef),
  'ticket.recall': command('ticket.recall', ticketAtCounter, TicketRef),
  'ticket.markNotAppeared': command('ticket.markNotAppeared', ticketAtCounter, TicketRef),
  'ticket.start': command('ticket.start', ticketAtCounter, TicketRef),
  'ticket.finish': command(
    'ticket.finish',
    { ...ticketAtCounter, handledServices: uniqueServices(1) },
    TicketRef,
  ),
  'ticket.transfer': command(
    'ticket.transfer',
    {
      ...ticketAtCounter,
      toServiceId: ServiceId.optional(),
      toCounterId: CounterId.optional(),
      note: z.string().max(500).optional(),
    },
    TicketRef,
  ),
  'ticket.park': command('ticket.park', ticketAtCounter, TicketRef),
  'ticket.resume': command('ticket.resume', ticketAtCounter, TicketRef),
  'ticket.cancel': command(
    'ticket.cancel',
    { ticketId: TicketId, counterId: CounterId.optional() },
    TicketRef,
  ),
  'ticket.reactivate': command(
    'ticket.reactivate',
    { ticketId: TicketId, counterId: CounterId.optional() },
    TicketRef,
  ),
  'ticket.setPriority': command(
    'ticket.setPriority',
    { ticketId: TicketId, priority: Priority, counterId: CounterId.optional() },
    TicketRef,
  ),
  'clerk.login': command(
    'clerk.login',
    {
      counterId: CounterId,
      clerkId: ClerkId,
      pin: z.string().regex(/^\d{4,12}$/, 'PIN must be 4-12 digits'),
      services: z
        .array(ServiceId)
        .max(50)
        .refine((s) => new Set(s).size === s.length, { message: 'services must not repeat' }),
      appointmentsOnly: z.boolean().default(false),
    },
    ClerkSession,
  ),
  'clerk.logout': command('clerk.logout', { counterId: CounterId }, Done),
  'counter.pause': command('counter.pause', { counterId: CounterId }, Done),
  'counter.resume': command('counter.resume', { counterId: CounterId }, Done),
  // office management
  'issuing.set': command('issuing.set', { enabled: z.boolean(), serviceId: ServiceId.optional() }, Done),
  'appointments.import': command(
    'appointments.import',
    { appointments: z.array(AppointmentInput).max(10_000) },
    ImportResult,
  ),
  'day.close': command('day.close', {}, DayClosed),
  // devices (handled by the hub, not the domain)
  'device.createPairingCode': command(
    'device.createPairingCode',
    { role: DeviceRole, counterId: CounterId.optional(), name: z.string().min(1).max(80) },
    PairingCode,
  ),
  'device.revoke': command('device.revoke', { deviceId: z.string().min(1).max(64) }, Done),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandOf<N extends CommandName> = z.infer<Commands[N]['request']>;
export type ResultOf<N extends CommandName> = z.infer<Commands[N]['result']>;
export type Command = { [N in CommandName]: CommandOf<N> }[CommandName];
/** A command as a caller writes it, before the client adds its id. */
export type CommandInput = { [N in CommandName]: Omit<CommandOf<N>, 'id'> }[CommandName];

/** Commands the hub handles itself; all others go to the domain's `decide`. */
export const HUB_COMMANDS = ['device.createPairingCode', 'device.revoke'] as const satisfies CommandName[];
export type HubCommand = Extract<Command, { type: (typeof HUB_COMMANDS)[number] }>;
export type DomainCommand = Exclude<Command, HubCommand>;
export type DomainCommandName = DomainCommand['type'];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export function isHubCommand(command: Command): command is HubCommand {
  return (HUB_COMMANDS as readonly string[]).includes(command.type);
}

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: ErrorReply };

/** Validates anything that arrives off the wire; the only way a command enters the hub. */
export function parseCommand(input: unknown): ParsedCommand {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: errorReply('VALIDATION_FAILED', 'a command must be a JSON object') };
  const type = (input as { type?: unknown }).type;
  if (!isCommandName(type))
    return {
      ok: false,
      error: errorReply('UNKNOWN_COMMAND', `unknown command type ${JSON.stringify(type)}`.slice(0, 200)),
    };
  const parsed = commands[type].request.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  return { ok: true, command: parsed.data as Command };
}

export function validationError(error: z.ZodError): ErrorReply {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : 'input';
  const message = `${where}: ${first?.message ?? 'invalid'}`.slice(0, 300);
  return errorReply('VALIDATION_FAILED', message, { field: where });
}
