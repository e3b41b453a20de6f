import type { Instant, KioskView } from '@bb/protocol';
import { openingStatus } from '../calendar.ts';
import { walkInRefusal } from '../issuing.ts';
import type { OfficeState } from '../state.ts';
import { serviceWaiting } from './waiting.ts';

/** The kiosk: what can be drawn now, and why not. The hub checks again at the moment of issuing. */
export function kioskView(state: OfficeState, now: Instant): KioskView {
  const { config } = state;
  const opening = openingStatus(config, now);
  const waiting = new Map(serviceWaiting(state, now).map((w) => [w.serviceId, w]));
  return {
    role: 'kiosk',
    officeName: config.office.name,
    timeZone: config.office.timeZone,
    languages: config.languages,
    open: opening.open,
    ...(opening.closesAt !== undefined ? { closesAt: opening.closesAt } : {}),
    ...(opening.opensAt !== undefined ? { opensAt: opening.opensAt } : {}),
    issuingEnabled: state.issuing.enabled,
    services: config.services.map((s) => {
      const refusal = walkInRefusal(state, [s.id], now);
      const w = waiting.get(s.id)!;
      return {
        id: s.id,
        prefix: s.prefix,
        name: s.name,
        bring: s.bring,
        available: refusal === null,
        ...(refusal ? { unavailableReason: refusal.error.code } : {}),
        waiting: w.waiting,
        estimate: w.estimate,
      };
    }),
    ...(config.texts.kioskWelcome ? { welcome: config.texts.kioskWelcome } : {}),
    ...(config.texts.ticketFooter ? { ticketFooter: config.texts.ticketFooter } : {}),
  };
}
