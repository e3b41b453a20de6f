import { dayCloseDue } from '@bb/core';
import type { Reply } from '@bb/protocol';
import type { Engine } from '../engine/engine.ts';

/**
 * Closes the business day once it has passed, so every open ticket expires before the next day's numbers
 * start. The id is derived from the log position: a retry after a crash is the same command, a later close
 * on another day is a new one.
 */
export async function closeDayIfDue(engine: Engine, now: number): Promise<Reply | undefined> {
  if (!dayCloseDue(engine.state, now)) return undefined;
  return engine.execute(
    { kind: 'system', reason: 'day close' },
    { id: `sys-day-close-${engine.seq}`, type: 'day.close' },
  );
}
