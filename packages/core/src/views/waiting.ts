import type { Instant, ServiceWaiting } from '@bb/protocol';
import { estimateFor } from '../estimate.ts';
import type { OfficeState } from '../state.ts';

/** Per service: how many wait and how long a newcomer would wait. */
export function serviceWaiting(state: OfficeState, now: Instant): ServiceWaiting[] {
  return state.config.services.map((s) => {
    const e = estimateFor(state, s.id, now);
    return { serviceId: s.id, name: s.name, waiting: e.ahead, estimate: e.range };
  });
}
