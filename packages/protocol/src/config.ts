import { z } from 'zod';
import { ClerkId, CounterId, Language, LocalDate, Prefix, ServiceId, Translated } from './primitives.ts';

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)');
/** An interval may end at "24:00", the end of the day (an office open around the clock: 00:00–24:00). */
const EndOfInterval = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time must be HH:MM (24 h) or 24:00');

export const OpeningInterval = z
  .object({ from: TimeOfDay, to: EndOfInterval })
  .strict()
  .refine((i) => i.from < i.to, { message: "'from' must be before 'to'" });
export type OpeningInterval = z.infer<typeof OpeningInterval>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const OpeningHours = z
  .object({
    weekly: z
      .object(
        Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(OpeningInterval).default([])])) as {
          [K in Weekday]: z.ZodDefault<z.ZodArray<typeof OpeningInterval>>;
        },
      )
      .strict(),
    /** Holidays and special days: closed, or other hours than the weekly plan. */
    exceptions: z
      .array(
        z
          .object({
            date: LocalDate,
            closed: z.boolean().default(false),
            hours: z.array(OpeningInterval).default([]),
            reason: z.string().max(200).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type OpeningHours = z.infer<typeof OpeningHours>;

export const ServiceConfig = z
  .object({
    id: ServiceId,
    prefix: Prefix,
    name: Translated,
    /** Handling time used for estimates until today's data replaces it. */
    averageMinutes: z.number().positive().max(240),
    /** Walk-in tickets per day; omit for no limit. */
    dailyQuota: z.number().int().nonnegative().optional(),
    /** What to bring, one line each, shown on the ticket. */
    bring: z.array(Translated).default([]),
    /** Only by appointment: not offered for walk-in tickets. */
    appointmentOnly: z.boolean().default(false),
  })
  .strict();
export type ServiceConfig = z.infer<typeof ServiceConfig>;

export const CounterConfig = z
  .object({
    id: CounterId,
    /** Shown on the hall display and spoken, e.g. "Platz 4". */
    label: z.string().min(1).max(40),
    /** Short form for speech if it differs, e.g. "Platz 4". */
    spokenLabel: z.string().min(1).max(60).optional(),
  })
  .strict();
export type CounterConfig = z.infer<typeof CounterConfig>;

export const ClerkConfig = z
  .object({
    id: ClerkId,
    /** Shown on the caller panel only, never on the display. */
    name: z.string().min(1).max(80),
    /** scrypt hash of the PIN as made by `npm run hash-pin` ("scrypt$salt$hash"). */
    pinHash: z
      .string()
      .regex(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'pinHash must come from npm run hash-pin'),
  })
  .strict();
export type ClerkConfig = z.infer<typeof ClerkConfig>;

/** Every rule of DOMAIN.md with its default; each is configurable per office. */
export const OfficeRules = z
  .object({
    numberRange: z
      .object({ from: z.number().int().min(0), to: z.number().int().max(9999) })
      .strict()
      .refine((r) => r.from < r.to, { message: "'from' must be below 'to'" })
      .default({ from: 1, to: 999 }),
    appointmentPrefix: Prefix.default('T'),
    maxCalls: z.number().int().min(1).max(10).default(3),
    blockMinutes: z.number().min(0).max(120).default(5),
    /** A missed visitor may report back at the kiosk within this time. */
    missedGraceMinutes: z.number().min(0).max(480).default(30),
    checkInEarlyMinutes: z.number().min(0).max(240).default(30),
    checkInLateMinutes: z.number().min(0).max(240).default(15),
    /** A checked-in appointment becomes callable this long before its slot. */
    appointmentCallableLeadMinutes: z.number().min(0).max(120).default(5),
    /** A walk-in waiting this long is no longer overtaken by appointments. */
    walkInStarvationMinutes: z.number().min(1).max(480).default(30),
    /** Today's observed handling time replaces the configured average after this many finished tickets. */
    estimateMinSamples: z.number().int().min(1).max(100).default(3),
    /** Issuing also stops this long before closing. */
    issuingStopsBeforeCloseMinutes: z.number().min(0).max(240).default(0),
    /** Names and notes are deleted after this many days; statistics stay, anonymous. */
    retentionDays: z.number().int().min(1).max(3650).default(90),
    /** Calls kept on the hall display. */
    displayCallsShown: z.number().int().min(1).max(30).default(8),
  })
  .strict();
export type OfficeRules = z.infer<typeof OfficeRules>;

export const OfficeTexts = z
  .object({
    kioskWelcome: Translated.optional(),
    displayFooter: Translated.optional(),
    ticketFooter: Translated.optional(),
  })
  .strict();

export const OfficeConfig = z
  .object({
    office: z
      .object({
        id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'office id must be lowercase letters, digits or -'),
        name: z.string().min(1).max(120),
        timeZone: z
          .string()
          .refine(isKnownTimeZone, { message: 'unknown IANA time zone' })
          .default('Europe/Berlin'),
        /** Base URL of the public ticket status page printed as QR code, e.g. "http://hub.local:8080". */
        publicBaseUrl: z.url().optional(),
      })
      .strict(),
    languages: z.array(Language).min(1).default(['de', 'en']),
    services: z.array(ServiceConfig).min(1),
    counters: z.array(CounterConfig).min(1),
    clerks: z.array(ClerkConfig).default([]),
    openingHours: OpeningHours,
    rules: OfficeRules.default(OfficeRules.parse({})),
    texts: OfficeTexts.default({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const dup = <T>(items: T[], key: (t: T) => string, path: string, what: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const k = key(item);
        if (seen.has(k))
          ctx.addIssue({ code: 'custom', path: [path, i], message: `duplicate ${what} '${k}'` });
        seen.add(k);
      });
    };
    dup(c.services, (s) => s.id, 'services', 'service id');
    dup(c.services, (s) => s.prefix, 'services', 'prefix');
    dup(c.counters, (s) => s.id, 'counters', 'counter id');
    dup(c.clerks, (s) => s.id, 'clerks', 'clerk id');
    c.services.forEach((s, i) => {
      if (s.prefix === c.rules.appointmentPrefix)
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'prefix'],
          message: `prefix '${s.prefix}' is the appointment prefix`,
        });
    });
    if (!c.languages.includes('de'))
      ctx.addIssue({ code: 'custom', path: ['languages'], message: "languages must include 'de'" });
  });
export type OfficeConfig = z.infer<typeof OfficeConfig>;
export type OfficeConfigInput = z.input<typeof OfficeConfig>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
