import { z } from 'zod';
import { LocalDate, ServiceId } from './primitives.ts';

/** Median and 90th percentile (nearest rank) of a duration, in milliseconds; null when nothing was measured. */
export const DurationFigures = z
  .object({ count: z.number().int(), median: z.number(), p90: z.number() })
  .nullable();
export type DurationFigures = z.infer<typeof DurationFigures>;

/** One row of the day's statistics: a service in one hour of arrival, or (hour null) the whole day. */
export const StatsRow = z.object({
  serviceId: ServiceId,
  hour: z.number().int().min(0).max(23).nullable(),
  tickets: z.number().int(),
  walkIns: z.number().int(),
  appointments: z.number().int(),
  finished: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  /** arrival (or the appointment slot, if later) -> first call */
  waitingMs: DurationFigures,
  /** call -> start */
  walkingMs: DurationFigures,
  /** start -> finish, summed over parks */
  serviceMs: DurationFigures,
  /** arrival -> finish */
  totalMs: DurationFigures,
});
export type StatsRow = z.infer<typeof StatsRow>;

/** Anonymous by construction: built from events, which carry no personal data. */
export const DayStatistics = z.object({
  day: LocalDate,
  visitors: z.number().int(),
  rows: z.array(StatsRow),
});
export type DayStatistics = z.infer<typeof DayStatistics>;
