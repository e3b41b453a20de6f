import type { CommandName } from '@bb/protocol';
import type { Handler } from '../types.ts';
import { counterHandlers } from './counters.ts';
import { createPairingCode, revokeDevice } from './devices.ts';
import { dayClose, importAppointments, issuing } from './office.ts';
import { counterTickets, kioskTickets, transfer } from './tickets.ts';

/** The one list of handlers. Every command name must be handled exactly once (checked at start-up). */
export function createHandlers(): ReadonlyMap<CommandName, Handler> {
  const list = [
    kioskTickets,
    counterTickets,
    transfer,
    ...counterHandlers(),
    issuing,
    importAppointments,
    dayClose,
    createPairingCode,
    revokeDevice,
  ] as unknown as Handler[];
  const map = new Map<CommandName, Handler>();
  for (const h of list)
    for (const type of h.types) {
      if (map.has(type)) throw new Error(`command ${type} has two handlers`);
      map.set(type, h);
    }
  return map;
}
