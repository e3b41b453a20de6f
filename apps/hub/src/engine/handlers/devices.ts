import { errorReply } from '@bb/protocol';
import { requireRole } from '../../auth/guards.ts';
import { newPairingCode } from '../../auth/secrets.ts';
import { handler } from '../types.ts';

/** Pairing codes for new devices. Hub business, not domain: no events, same pipeline (auth, idempotency). */
export const createPairingCode = handler({
  types: ['device.createPairingCode'],
  guard: requireRole(),
  run: (command, ctx) => {
    if (command.role === 'counter') {
      if (!command.counterId)
        return {
          ok: false,
          error: errorReply('VALIDATION_FAILED', 'counterId: a counter device needs its counter', {
            field: 'counterId',
          }),
        };
      if (!ctx.state.config.counters.some((c) => c.id === command.counterId))
        return {
          ok: false,
          error: errorReply('UNKNOWN_COUNTER', `no counter '${command.counterId}' in this office`),
        };
    } else if (command.counterId) {
      return {
        ok: false,
        error: errorReply('VALIDATION_FAILED', 'counterId: only counter devices belong to a counter', {
          field: 'counterId',
        }),
      };
    }
    const code = newPairingCode();
    const expiresAt = ctx.now + ctx.pairingCodeTtlMs;
    const result = {
      code,
      role: command.role,
      ...(command.counterId ? { counterId: command.counterId } : {}),
      expiresAt,
    };
    return {
      ok: true,
      events: [],
      after: ctx.state,
      result,
      // Only the hash of a code is stored; the command log keeps a reply without it.
      loggedResult: { ...result, code: '(not repeated; create a new code)' },
      effects: () => {
        ctx.stores.devices.createPairingCode({
          code,
          role: command.role,
          ...(command.counterId ? { counterId: command.counterId } : {}),
          name: command.name,
          now: ctx.now,
          ttlMs: ctx.pairingCodeTtlMs,
        });
      },
    };
  },
});

export const revokeDevice = handler({
  types: ['device.revoke'],
  guard: requireRole(),
  run: (command, ctx) => {
    const device = ctx.stores.devices.get(command.deviceId);
    if (!device || device.revokedAt !== undefined)
      return { ok: false, error: errorReply('DEVICE_NOT_FOUND', 'no active device with this id') };
    return {
      ok: true,
      events: [],
      after: ctx.state,
      result: {},
      effects: () => {
        ctx.stores.devices.revoke(command.deviceId, ctx.now);
      },
      afterCommit: () => ctx.hooks.deviceRevoked(command.deviceId),
    };
  },
});
