import type { CommandOf, Instant } from '@bb/protocol';
import { accept, fail, type Decision } from '../fail.ts';
import type { OfficeState } from '../state.ts';
import { busy, counterOf, isRefused, staffed, unknownService } from './guards.ts';

/** The hub has checked the PIN before this; the domain checks who may sit where. */
export function login(state: OfficeState, cmd: CommandOf<'clerk.login'>, now: Instant): Decision {
  const counter = counterOf(state, cmd.counterId);
  if (isRefused(counter)) return counter;
  if (!state.config.clerks.some((c) => c.id === cmd.clerkId))
    return fail('UNKNOWN_CLERK', `no clerk '${cmd.clerkId}'`, { clerkId: cmd.clerkId });
  for (const other of state.counters.values())
    if (other.id !== counter.id && other.session?.clerkId === cmd.clerkId)
      return fail('CLERK_LOGGED_IN_ELSEWHERE', 'this clerk is logged in at another counter', {
        counterId: other.id,
      });
  if (counter.session && counter.session.clerkId !== cmd.clerkId)
    return fail('COUNTER_OCCUPIED', 'another clerk is logged in at this counter', { counterId: counter.id });
  const unknown = unknownService(state, cmd.services);
  if (unknown) return unknown;
  return accept({
    type: 'ClerkLoggedIn',
    at: now,
    counterId: counter.id,
    clerkId: cmd.clerkId,
    services: cmd.services,
    appointmentsOnly: cmd.appointmentsOnly,
  });
}

export function logout(state: OfficeState, cmd: CommandOf<'clerk.logout'>, now: Instant): Decision {
  const s = staffed(state, cmd.counterId);
  if (isRefused(s)) return s;
  if (s.counter.ticketId) return busy(state, s.counter);
  return accept({ type: 'ClerkLoggedOut', at: now, counterId: cmd.counterId, clerkId: s.session.clerkId });
}

export function pause(state: OfficeState, cmd: CommandOf<'counter.pause'>, now: Instant): Decision {
  const s = staffed(state, cmd.counterId);
  if (isRefused(s)) return s;
  return s.counter.paused ? accept() : accept({ type: 'CounterPaused', at: now, counterId: cmd.counterId });
}

export function resumeCounter(state: OfficeState, cmd: CommandOf<'counter.resume'>, now: Instant): Decision {
  const s = staffed(state, cmd.counterId);
  if (isRefused(s)) return s;
  return s.counter.paused ? accept({ type: 'CounterResumed', at: now, counterId: cmd.counterId }) : accept();
}
