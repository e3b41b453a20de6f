import type { DayStatistics, DomainEvent, DurationFigures, LocalDate, StatsRow } from '@bb/protocol';
import { DateTime } from 'luxon';

interface Visit {
  serviceId: string;
  hour: number;
  kind: 'walkIn' | 'appointment';
  arrivedAt: number;
  slotAt?: number;
  firstCallAt?: number;
  /** Start of the current call sequence (a recall does not restart it). */
  callAt?: number;
  startedAt?: number;
  walkingMs: number[];
  servedMs: number;
  wasServed: boolean;
  end?: 'finished' | 'cancelled' | 'expired';
  endedAt?: number;
  missed: boolean;
}

/** The day's figures per service and hour of arrival, computed from the event log alone. */
export function dayStatistics(
  day: LocalDate,
  events: readonly DomainEvent[],
  timeZone: string,
): DayStatistics {
  const visits = new Map<string, Visit>();
  for (const e of events) apply(visits, e, timeZone);
  const all = [...visits.values()];
  const rows: StatsRow[] = [];
  for (const serviceId of [...new Set(all.map((v) => v.serviceId))].sort()) {
    const ofService = all.filter((v) => v.serviceId === serviceId);
    rows.push(row(serviceId, null, ofService));
    for (const hour of [...new Set(ofService.map((v) => v.hour))].sort((a, b) => a - b))
      rows.push(
        row(
          serviceId,
          hour,
          ofService.filter((v) => v.hour === hour),
        ),
      );
  }
  return { day, visitors: all.length, rows };
}

function apply(visits: Map<string, Visit>, e: DomainEvent, timeZone: string): void {
  if (e.type === 'TicketIssued') {
    visits.set(e.ticketId, {
      serviceId: e.services[0]!,
      hour: DateTime.fromMillis(e.at, { zone: timeZone }).hour,
      kind: e.kind,
      arrivedAt: e.at,
      ...(e.slotAt !== undefined ? { slotAt: e.slotAt } : {}),
      walkingMs: [],
      servedMs: 0,
      wasServed: false,
      missed: false,
    });
    return;
  }
  const v = 'ticketId' in e ? visits.get(e.ticketId) : undefined;
  if (!v) return;
  const stopServing = () => {
    if (v.startedAt !== undefined) v.servedMs += e.at - v.startedAt;
    v.startedAt = undefined;
  };
  switch (e.type) {
    case 'TicketCalled':
    case 'TicketResumed':
      v.firstCallAt ??= e.at;
      v.callAt = e.at;
      break;
    case 'TicketStarted':
      if (v.callAt !== undefined) v.walkingMs.push(e.at - v.callAt);
      v.startedAt = e.at;
      v.wasServed = true;
      break;
    case 'TicketParked':
    case 'TicketTransferred':
      stopServing();
      break;
    case 'TicketMissed':
      v.missed = true;
      break;
    case 'TicketFinished':
      stopServing();
      v.end = 'finished';
      v.endedAt = e.at;
      break;
    case 'TicketCancelled':
    case 'TicketExpired':
      stopServing();
      v.end = e.type === 'TicketCancelled' ? 'cancelled' : 'expired';
      break;
  }
}

function row(serviceId: string, hour: number | null, visits: Visit[]): StatsRow {
  const count = (f: (v: Visit) => boolean) => visits.filter(f).length;
  return {
    serviceId,
    hour,
    tickets: visits.length,
    walkIns: count((v) => v.kind === 'walkIn'),
    appointments: count((v) => v.kind === 'appointment'),
    finished: count((v) => v.end === 'finished'),
    noShows: count((v) => v.missed && !v.wasServed),
    cancelled: count((v) => v.end === 'cancelled'),
    expired: count((v) => v.end === 'expired'),
    waitingMs: figures(
      visits.flatMap((v) =>
        v.firstCallAt === undefined ? [] : [v.firstCallAt - Math.max(v.arrivedAt, v.slotAt ?? 0)],
      ),
    ),
    walkingMs: figures(visits.flatMap((v) => v.walkingMs)),
    serviceMs: figures(visits.flatMap((v) => (v.end === 'finished' ? [v.servedMs] : []))),
    totalMs: figures(visits.flatMap((v) => (v.endedAt === undefined ? [] : [v.endedAt - v.arrivedAt]))),
  };
}

/** Median and 90th percentile by nearest rank: every figure is a time some visitor really had. */
export function figures(values: number[]): DurationFigures {
  if (values.length === 0) return null;
  const sorted = values.map((v) => Math.max(0, v)).sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, median: rank(0.5), p90: rank(0.9) };
}
