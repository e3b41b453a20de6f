import type { AdminView, Instant } from '@bb/protocol';
import { businessDay, openingStatus } from '../calendar.ts';
import type { OfficeState } from '../state.ts';
import { serviceWaiting } from './waiting.ts';

/** The office at a glance for the manager: desks, queues, quotas. */
export function adminView(state: OfficeState, now: Instant): AdminView {
  const { config } = state;
  const waiting = new Map(serviceWaiting(state, now).map((w) => [w.serviceId, w]));
  return {
    role: 'admin',
    officeName: config.office.name,
    day: state.day ?? businessDay(now, config.office.timeZone),
    open: openingStatus(config, now).open,
    issuingEnabled: state.issuing.enabled,
    counters: config.counters.map((c) => {
      const s = state.counters.get(c.id);
      const held = s?.ticketId ? state.tickets.get(s.ticketId) : undefined;
      const clerk = s?.session ? config.clerks.find((k) => k.id === s.session!.clerkId) : undefined;
      return {
        counterId: c.id,
        label: c.label,
        clerkName: s?.session ? (clerk?.name ?? s.session.clerkId) : null,
        paused: s?.paused ?? false,
        currentNumber: held?.number ?? null,
        currentStatus: held?.status ?? null,
      };
    }),
    services: config.services.map((s) => {
      const w = waiting.get(s.id)!;
      return {
        serviceId: s.id,
        name: s.name,
        waiting: w.waiting,
        issuedToday: state.walkInsIssued.get(s.id) ?? 0,
        quota: s.dailyQuota ?? null,
        issuingEnabled: !state.issuing.disabledServices.has(s.id),
        estimate: w.estimate,
      };
    }),
  };
}
