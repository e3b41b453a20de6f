import type { DayStatistics, DurationFigures } from '@bb/protocol';
import { stringify } from 'csv-stringify/sync';

const minutes = (ms: number | undefined) => (ms === undefined ? '' : (ms / 60_000).toFixed(1));

/** One line per service and hour (hour empty = whole day); durations in minutes for spreadsheets. */
export function statsToCsv(stats: DayStatistics): string {
  const figures = (f: DurationFigures) => [minutes(f?.median), minutes(f?.p90)];
  return stringify([
    [
      'day',
      'serviceId',
      'hour',
      'tickets',
      'walkIns',
      'appointments',
      'finished',
      'noShows',
      'cancelled',
      'expired',
      'waitingMedianMin',
      'waitingP90Min',
      'walkingMedianMin',
      'walkingP90Min',
      'serviceMedianMin',
      'serviceP90Min',
      'totalMedianMin',
      'totalP90Min',
    ],
    ...stats.rows.map((r) => [
      stats.day,
      r.serviceId,
      r.hour ?? '',
      r.tickets,
      r.walkIns,
      r.appointments,
      r.finished,
      r.noShows,
      r.cancelled,
      r.expired,
      ...figures(r.waitingMs),
      ...figures(r.walkingMs),
      ...figures(r.serviceMs),
      ...figures(r.totalMs),
    ]),
  ]);
}
