import { DateTime } from 'luxon';
import type { Instant, LocalDate, OfficeConfig, OpeningInterval, Weekday } from '@bb/protocol';
import { memoByObjectAndNumber } from './memo.ts';

const WEEKDAY_BY_LUXON: Record<number, Weekday> = {
  1: 'mon',
  2: 'tue',
  3: 'wed',
  4: 'thu',
  5: 'fri',
  6: 'sat',
  7: 'sun',
};
/** How far ahead the next opening is searched (covers long holiday closures). */
const NEXT_OPENING_SEARCH_DAYS = 30;

/** The office's calendar date at an instant. Wall-clock based, so DST changes never shift a day. */
export function businessDay(now: Instant, timeZone: string): LocalDate {
  return DateTime.fromMillis(now, { zone: timeZone }).toISODate() as LocalDate;
}

export interface OpeningStatus {
  open: boolean;
  /** End of the current opening interval (when open). */
  closesAt?: Instant;
  /** End of the last interval today, if the office opens at all today. */
  dayClosesAt?: Instant;
  /** Start of the next interval (when closed). */
  opensAt?: Instant;
}

type Interval = { from: Instant; to: Instant };

function intervalsOn(config: OfficeConfig, date: DateTime): Interval[] {
  const iso = date.toISODate();
  const exception = config.openingHours.exceptions.find((e) => e.date === iso);
  const hours: OpeningInterval[] = exception
    ? exception.closed
      ? []
      : exception.hours
    : config.openingHours.weekly[WEEKDAY_BY_LUXON[date.weekday]!];
  return hours
    .map((h) => ({ from: atLocalTime(date, h.from), to: atLocalTime(date, h.to) }))
    .sort((a, b) => a.from - b.from);
}

/** A wall-clock time on a local date ("24:00" is the next midnight); luxon resolves DST gaps and overlaps. */
function atLocalTime(date: DateTime, hhmm: string): Instant {
  if (hhmm === '24:00') return date.plus({ days: 1 }).startOf('day').toMillis();
  const [hour, minute] = hhmm.split(':').map(Number);
  return date.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

const MINUTE_MS = 60_000;

/** Opening hours are whole minutes, so every instant within one minute has the same answer. */
const statusOfMinute = memoByObjectAndNumber((config: OfficeConfig, minute: number) =>
  computeOpeningStatus(config, minute * MINUTE_MS),
);

export function openingStatus(config: OfficeConfig, now: Instant): OpeningStatus {
  return statusOfMinute(config, Math.floor(now / MINUTE_MS));
}

function computeOpeningStatus(config: OfficeConfig, now: Instant): OpeningStatus {
  const today = DateTime.fromMillis(now, { zone: config.office.timeZone }).startOf('day');
  const todays = intervalsOn(config, today);
  const current = todays.find((i) => i.from <= now && now < i.to);
  const dayClosesAt = todays.at(-1)?.to;
  if (current) return { open: true, closesAt: current.to, ...(dayClosesAt ? { dayClosesAt } : {}) };
  const opensAt = nextOpening(config, today, now);
  return {
    open: false,
    ...(dayClosesAt !== undefined && dayClosesAt > now ? { dayClosesAt } : {}),
    ...(opensAt !== undefined ? { opensAt } : {}),
  };
}

function nextOpening(config: OfficeConfig, today: DateTime, now: Instant): Instant | undefined {
  for (let d = 0; d <= NEXT_OPENING_SEARCH_DAYS; d++) {
    const next = intervalsOn(config, today.plus({ days: d })).find((i) => i.from > now);
    if (next) return next.from;
  }
  return undefined;
}
