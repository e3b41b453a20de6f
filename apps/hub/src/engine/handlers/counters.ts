import { errorReply } from '@bb/protocol';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { all, ownCounter, requireRole } from '../../auth/guards.ts';
import { verifyPin } from '../../auth/pin.ts';
import { decideDomain } from '../domain.ts';
import { handler } from '../types.ts';

// Wrong PINs per clerk: a 4-digit PIN must not be guessable by trying, even from a legitimate counter device.
const WRONG_PIN_LIMIT = 5;
const WRONG_PIN_WINDOW_S = 300;

export function counterHandlers() {
  const wrongPins = new RateLimiterMemory({ points: WRONG_PIN_LIMIT, duration: WRONG_PIN_WINDOW_S });

  const login = handler({
    types: ['clerk.login'],
    guard: all(requireRole('counter'), ownCounter()),
    check: async (command, { state }) => {
      const clerk = state.config.clerks.find((c) => c.id === command.clerkId);
      if (!clerk) return errorReply('UNKNOWN_CLERK', `no clerk '${command.clerkId}' in this office`);
      const tries = await wrongPins.get(clerk.id);
      if (tries && tries.consumedPoints >= WRONG_PIN_LIMIT)
        return errorReply('RATE_LIMITED', 'too many wrong PINs; try again in a few minutes', {
          retryAfterS: Math.ceil(tries.msBeforeNext / 1000),
        });
      if (await verifyPin(command.pin, clerk.pinHash)) {
        await wrongPins.delete(clerk.id);
        return undefined;
      }
      await wrongPins.penalty(clerk.id, 1);
      return errorReply('WRONG_PIN', 'wrong PIN');
    },
    run: (command, ctx) => decideDomain(command, ctx),
  });

  const counter = handler({
    types: ['counter.callNext', 'clerk.logout', 'counter.pause', 'counter.resume'],
    guard: all(requireRole('counter'), ownCounter()),
    run: (command, ctx) => decideDomain(command, ctx),
  });

  return [login, counter];
}
