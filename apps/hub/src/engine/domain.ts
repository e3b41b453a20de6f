import { commandResult, decide, evolve, type OfficeState } from '@bb/core';
import type { DomainCommand, DomainEvent, StoredEvent } from '@bb/protocol';
import type { Outcome, RunContext } from './types.ts';

export function evolveAll(state: OfficeState, events: readonly DomainEvent[]): OfficeState {
  let next = state;
  for (const event of events) next = evolve(next, event);
  return next;
}

/**
 * The common path of every domain command: the pure rules decide, the hub only adds what needs I/O
 * (`extend` for extra result fields, `effects` for personal data written with the events).
 */
export function decideDomain(
  command: DomainCommand,
  ctx: RunContext,
  extra: {
    extend?: (result: Record<string, unknown>) => Record<string, unknown>;
    effects?: (stored: StoredEvent[], result: Record<string, unknown>) => void;
  } = {},
): Outcome {
  const decision = decide(ctx.state, command, ctx.now);
  if (!decision.ok) return { ok: false, error: decision.error };
  const after = evolveAll(ctx.state, decision.events);
  const base = commandResult(command, ctx.state, after, decision.events, ctx.now);
  const result = extra.extend ? extra.extend(base) : base;
  const effects = extra.effects;
  return {
    ok: true,
    events: decision.events,
    after,
    result,
    ...(effects ? { effects: (stored: StoredEvent[]) => effects(stored, result) } : {}),
  };
}
