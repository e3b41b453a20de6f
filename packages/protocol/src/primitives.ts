import { z } from 'zod';

/** Languages the kiosk offers; German is the office language and always present. */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'fa', 'pl', 'ru', 'uk'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Languages written right to left (the screens and the printer need to know). */
export const RTL_LANGUAGES: readonly Language[] = ['ar', 'fa'];

const slug = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, `${what} must be 1-40 lowercase letters, digits, '.', '_' or '-'`);

export const ServiceId = slug('service id');
export type ServiceId = z.infer<typeof ServiceId>;
export const CounterId = slug('counter id');
export type CounterId = z.infer<typeof CounterId>;
export const ClerkId = slug('clerk id');
export type ClerkId = z.infer<typeof ClerkId>;
export const TicketId = z.string().min(1).max(64);
export type TicketId = z.infer<typeof TicketId>;

/** Client-made command id (a UUID in practice); the hub stores it so a retry never acts twice. */
export const CommandId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'command id must be 8-64 URL-safe characters');

/** Ticket prefix letter(s) shown before the number, e.g. "A" in "A017". */
export const Prefix = z.string().regex(/^[A-Z]{1,2}$/, 'prefix must be one or two capital letters');

/** Milliseconds since the epoch (UTC). All times on the wire are instants; screens format them in the office's time zone. */
export const Instant = z.number().int().nonnegative();
export type Instant = z.infer<typeof Instant>;

/** A local calendar date in the office's time zone, e.g. "2026-11-21". */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export type LocalDate = z.infer<typeof LocalDate>;

export const Priority = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** 1 = normal, 2 = raised, 3 = urgent (set by staff). */
export type Priority = z.infer<typeof Priority>;

/** A text in German plus optional translations. */
export const Translated = z
  .object({
    de: z.string().min(1),
    en: z.string().min(1).optional(),
    tr: z.string().min(1).optional(),
    ar: z.string().min(1).optional(),
    fa: z.string().min(1).optional(),
    pl: z.string().min(1).optional(),
    ru: z.string().min(1).optional(),
    uk: z.string().min(1).optional(),
  })
  .strict();
export type Translated = z.infer<typeof Translated>;

/** The text in the wanted language, falling back to German. */
export function translate(text: Translated, language: Language): string {
  return text[language] ?? text.de;
}

/** Expected wait as a range in minutes, e.g. "ca. 15–25 Min." */
export const WaitEstimate = z.object({ minMinutes: z.number().int(), maxMinutes: z.number().int() });
export type WaitEstimate = z.infer<typeof WaitEstimate>;
