import { errorReply, type Command, type DeviceRole } from '@bb/protocol';
import type { Guard, GuardResult } from '../engine/types.ts';

const forbidden = (message: string) => ({ ok: false as const, error: errorReply('FORBIDDEN', message) });

/**
 * Allows the listed roles (admin and the hub itself may always). Small wrappers like this keep access rules
 * out of the handlers' logic.
 */
export function requireRole(...roles: DeviceRole[]): Guard {
  return (actor, command) => {
    if (actor.kind === 'system' || actor.device.role === 'admin') return { ok: true, command };
    if (!roles.includes(actor.device.role))
      return forbidden(`a ${actor.device.role} device may not send ${command.type}`);
    return { ok: true, command };
  };
}

/**
 * A counter device is bound to one counter: it may act only for that counter. Where the counter is optional
 * in the command (cancel, reactivate, priority), the device's own counter is filled in.
 */
export function ownCounter(): Guard {
  return <C extends Command>(actor: Parameters<Guard>[0], command: C): GuardResult<C> => {
    if (actor.kind === 'system' || actor.device.role !== 'counter') return { ok: true, command };
    const own = actor.device.counterId;
    const given = 'counterId' in command ? command.counterId : undefined;
    if (!own) return forbidden('this counter device is bound to no counter');
    if (given === undefined) return { ok: true, command: { ...command, counterId: own } };
    if (given !== own) return forbidden(`this device belongs to counter ${own}, not ${given}`);
    return { ok: true, command };
  };
}

/** A kiosk's tickets carry the kiosk's device id (for statistics and printer routing), whatever it claims. */
export function stampKiosk(): Guard {
  return <C extends Command>(actor: Parameters<Guard>[0], command: C): GuardResult<C> => {
    const stamps = command.type === 'ticket.issue' || command.type === 'appointment.checkIn';
    if (stamps && actor.kind === 'device' && actor.device.role === 'kiosk')
      return { ok: true, command: { ...command, kioskId: actor.device.deviceId } };
    return { ok: true, command };
  };
}

/** Runs guards in order, each on the (possibly adjusted) command of the one before. */
export function all(...guards: Guard[]): Guard {
  return <C extends Command>(actor: Parameters<Guard>[0], command: C): GuardResult<C> => {
    let current: C = command;
    for (const guard of guards) {
      const r = guard(actor, current);
      if (!r.ok) return r;
      current = r.command;
    }
    return { ok: true, command: current };
  };
}
