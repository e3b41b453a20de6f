import type { Instant, ServiceId } from '@bb/protocol';
import { openingStatus } from './calendar.ts';
import { estimateFor } from './estimate.ts';
import { fail } from './fail.ts';
import type { OfficeState } from './state.ts';
import { businessDay } from './calendar.ts';

const MINUTE_MS = 60_000;

/**
 * Why a walk-in ticket for these services would be refused now, or null. The kiosk view shows the same
 * reason ahead of time, but the hub asks again at the moment of issuing.
 */
export function walkInRefusal(state: OfficeState, serviceIds: readonly ServiceId[], now: Instant) {
  const { config } = state;
  for (const id of serviceIds) {
    const service = config.services.find((s) => s.id === id);
    if (!service) return fail('UNKNOWN_SERVICE', `no service '${id}'`, { serviceId: id });
    if (service.appointmentOnly)
      return fail('SERVICE_APPOINTMENT_ONLY', `'${id}' is by appointment only`, { serviceId: id });
  }
  const opening = openingStatus(config, now);
  const stopMs = config.rules.issuingStopsBeforeCloseMinutes * MINUTE_MS;
  if (!opening.open || (opening.closesAt !== undefined && now >= opening.closesAt - stopMs))
    return fail(
      'OFFICE_CLOSED',
      'the office is closed',
      opening.opensAt ? { opensAt: opening.opensAt } : undefined,
    );
  if (!state.issuing.enabled) return fail('ISSUING_DISABLED', 'staff switched walk-in issuing off');
  const sameDay = state.day === businessDay(now, config.office.timeZone);
  for (const id of serviceIds) {
    if (state.issuing.disabledServices.has(id))
      return fail('SERVICE_ISSUING_DISABLED', `issuing for '${id}' is switched off`, { serviceId: id });
    const quota = config.services.find((s) => s.id === id)?.dailyQuota;
    const issued = sameDay ? (state.walkInsIssued.get(id) ?? 0) : 0;
    if (quota !== undefined && issued >= quota)
      return fail('QUOTA_EXHAUSTED', `today's quota for '${id}' is used up`, { serviceId: id, quota });
  }
  const first = serviceIds[0]!;
  const { minutes } = estimateFor(state, first, now);
  if (opening.closesAt !== undefined && now + minutes * MINUTE_MS > opening.closesAt - stopMs)
    return fail('WAIT_EXCEEDS_CLOSING', 'the expected wait runs past closing time', {
      serviceId: first,
      closesAt: opening.closesAt,
    });
  return null;
}
