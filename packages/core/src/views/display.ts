import type { DisplayView, Instant } from '@bb/protocol';
import { openingStatus } from '../calendar.ts';
import type { OfficeState } from '../state.ts';
import { serviceWaiting } from './waiting.ts';

/** The hall display: numbers and counters only, never a name. */
export function displayView(state: OfficeState, now: Instant): DisplayView {
  const { config } = state;
  const labels = new Map(config.counters.map((c) => [c.id, c]));
  return {
    role: 'display',
    officeName: config.office.name,
    timeZone: config.office.timeZone,
    open: openingStatus(config, now).open,
    calls: state.calls.slice(0, config.rules.displayCallsShown).map((c) => {
      const counter = labels.get(c.counterId);
      return {
        callId: c.callId,
        number: c.number,
        counterId: c.counterId,
        counterLabel: counter?.label ?? c.counterId,
        spokenLabel: counter?.spokenLabel ?? counter?.label ?? c.counterId,
        at: c.at,
        recall: c.recall,
      };
    }),
    waiting: serviceWaiting(state, now).filter((s) => s.waiting > 0),
    ...(config.texts.displayFooter ? { footer: config.texts.displayFooter } : {}),
  };
}
