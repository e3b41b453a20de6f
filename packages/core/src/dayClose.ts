import type { Instant } from '@bb/protocol';
import { businessDay } from './calendar.ts';
import type { OfficeState } from './state.ts';

/** True once the business day of the open tickets has passed: the hub then closes it by itself. */
export function dayCloseDue(state: OfficeState, now: Instant): boolean {
  return state.day !== null && state.day < businessDay(now, state.config.office.timeZone);
}
