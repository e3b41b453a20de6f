import { initialState, restoreState, serializeState, type OfficeState } from '@bb/core';
import {
  commands as commandMap,
  errorReply,
  parseCommand,
  type CommandName,
  type ErrorReply,
  type OfficeConfig,
  type Reply,
  type StoredEvent,
} from '@bb/protocol';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log.ts';
import { payloadHash } from '../store/commandLog.ts';
import type { Stores } from '../store/stores.ts';
import { evolveAll } from './domain.ts';
import { createHandlers } from './handlers/index.ts';
import type { Actor, EngineHooks, Handler, Outcome } from './types.ts';

/** Commands per device within `RATE_WINDOW_S`; a kiosk is pressed by people, a flood is a fault or an attack. */
export type RateLimits = Record<'kiosk' | 'display' | 'counter' | 'admin', number>;
export const DEFAULT_RATE_LIMITS: RateLimits = { kiosk: 30, display: 10, counter: 60, admin: 600 };
const RATE_WINDOW_S = 10;

/** A snapshot every so many events, so start-up replays at most that many. */
export const SNAPSHOT_EVERY_EVENTS = 500;

export interface EngineOptions {
  config: OfficeConfig;
  stores: Stores;
  now: () => number;
  log: Logger;
  rateLimits?: Partial<RateLimits>;
  pairingCodeTtlMs?: number;
  snapshotEveryEvents?: number;
}

const noHooks: EngineHooks = { applied: () => {}, deviceRevoked: () => {} };

/**
 * The single writer of an office's state. Every command, from Socket.IO, HTTP or the hub's own jobs, goes
 * through `execute`: parse -> guard -> rate limit -> first-reply lookup -> check -> decide -> one transaction
 * (events, projections, personal data, command log) -> evolve -> push.
 */
export class Engine {
  private stateNow: OfficeState;
  private seqNow: number;
  private sinceSnapshot = 0;
  private readonly handlers: ReadonlyMap<CommandName, Handler>;
  private readonly limiters: Record<keyof RateLimits, RateLimiterMemory>;
  hooks: EngineHooks = noHooks;

  constructor(private readonly opts: EngineOptions) {
    this.handlers = createHandlers();
    for (const name of Object.keys(commandMap) as CommandName[])
      if (!this.handlers.has(name)) throw new Error(`command ${name} has no handler`);
    const limits = { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits };
    this.limiters = {
      kiosk: new RateLimiterMemory({ points: limits.kiosk, duration: RATE_WINDOW_S }),
      display: new RateLimiterMemory({ points: limits.display, duration: RATE_WINDOW_S }),
      counter: new RateLimiterMemory({ points: limits.counter, duration: RATE_WINDOW_S }),
      admin: new RateLimiterMemory({ points: limits.admin, duration: RATE_WINDOW_S }),
    };
    const loaded = this.load();
    this.stateNow = loaded.state;
    this.seqNow = loaded.seq;
  }

  get state(): OfficeState {
    return this.stateNow;
  }

  get seq(): number {
    return this.seqNow;
  }

  get config(): OfficeConfig {
    return this.opts.config;
  }

  /** Latest snapshot plus the events after it; a snapshot that no longer fits the config means a full replay. */
  private load(): { state: OfficeState; seq: number } {
    const { events } = this.opts.stores;
    const last = events.lastSeq();
    const snapshot = events.latestSnapshot(last);
    let state = initialState(this.opts.config);
    let from = 0;
    if (snapshot) {
      try {
        state = restoreState(this.opts.config, snapshot.state);
        from = snapshot.seq;
      } catch (err) {
        this.opts.log.warn({ err, snapshotSeq: snapshot.seq }, 'snapshot unusable; replaying the whole log');
      }
    }
    let replayed = 0;
    for (const event of events.iterateAfter(from)) {
      state = evolveAll(state, [event]);
      replayed++;
    }
    this.sinceSnapshot = replayed;
    this.opts.log.info({ seq: last, snapshotSeq: from, replayed }, 'state loaded');
    return { state, seq: last };
  }

  async execute(actor: Actor, input: unknown): Promise<Reply> {
    const parsed = parseCommand(input);
    if (!parsed.ok) return fail(parsed.error, commandIdOf(input));
    const handler = this.handlers.get(parsed.command.type)!;
    const guarded = handler.guard(actor, parsed.command);
    if (!guarded.ok) return fail(guarded.error, parsed.command.id);
    const command = guarded.command;
    // The hash is of what the client sent, before guards stamped it, so a retry compares like with like.
    const hash = payloadHash(parsed.command);

    const limited = await this.rateLimit(actor);
    if (limited) return fail(limited, command.id);

    const earlier = this.firstReply(command.id, command.type, hash);
    if (earlier) return earlier;

    try {
      if (handler.check) {
        const refused = await handler.check(command, {
          actor,
          stores: this.opts.stores,
          state: this.stateNow,
        });
        // From here on nothing awaits: the hub is the single writer for the rest of this command.
        const again = this.firstReply(command.id, command.type, hash);
        if (again) return again;
        if (refused) return this.commit(command.id, command.type, hash, { ok: false, error: refused });
      }
      const now = this.opts.now();
      const outcome = handler.run(command, {
        actor,
        now,
        state: this.stateNow,
        stores: this.opts.stores,
        hooks: this.hooks,
        pairingCodeTtlMs: this.opts.pairingCodeTtlMs ?? 15 * 60_000,
      });
      return this.commit(command.id, command.type, hash, outcome);
    } catch (err) {
      this.opts.log.error({ err, commandType: command.type }, 'command failed');
      return fail(errorReply('INTERNAL', 'the hub could not process this command'), command.id);
    }
  }

  private firstReply(id: string, type: string, hash: string): Reply | undefined {
    const logged = this.opts.stores.commands.find(id);
    if (!logged) return undefined;
    if (logged.type !== type || logged.payloadHash !== hash)
      return fail(
        errorReply('COMMAND_ID_REUSED', 'this command id was already used for another command'),
        id,
      );
    return logged.reply;
  }

  /** Writes the decision durably (events and command record in one transaction), then moves the state on. */
  private commit(id: string, type: string, hash: string, outcome: Outcome): Reply {
    const { stores } = this.opts;
    const now = this.opts.now();
    if (!outcome.ok) {
      const reply: Reply = { ok: false, commandId: id, error: outcome.error };
      stores.commands.record(id, type, hash, reply, this.seqNow, now);
      return reply;
    }
    let stored: StoredEvent[] = [];
    let reply: Reply | undefined;
    stores.db.transaction(() => {
      stored = stores.events.append(outcome.events, this.seqNow);
      for (const event of stored) stores.tickets.apply(event);
      outcome.effects?.(stored);
      const seq = this.seqNow + stored.length;
      const result = outcome.result(stored);
      reply = { ok: true, commandId: id, seq, result };
      const logged: Reply = outcome.loggedResult ? { ...reply, result: outcome.loggedResult(result) } : reply;
      stores.commands.record(id, type, hash, logged, seq, now);
    })();
    this.stateNow = outcome.after;
    this.seqNow += stored.length;
    this.maybeSnapshot(stored, now);
    outcome.afterCommit?.();
    if (stored.length > 0) this.notify(stored);
    return reply!;
  }

  private maybeSnapshot(stored: StoredEvent[], now: number): void {
    if (stored.length === 0) return;
    this.sinceSnapshot += stored.length;
    const dayClosed = stored.some((e) => e.type === 'DayClosed');
    if (!dayClosed && this.sinceSnapshot < (this.opts.snapshotEveryEvents ?? SNAPSHOT_EVERY_EVENTS)) return;
    try {
      this.opts.stores.events.saveSnapshot(this.seqNow, now, serializeState(this.stateNow));
      this.sinceSnapshot = 0;
    } catch (err) {
      // A missing snapshot only makes the next start slower; the log is the truth.
      this.opts.log.warn({ err }, 'snapshot failed');
    }
  }

  private notify(stored: StoredEvent[]): void {
    try {
      this.hooks.applied(stored);
    } catch (err) {
      this.opts.log.error({ err }, 'pushing views failed');
    }
  }

  private async rateLimit(actor: Actor): Promise<ErrorReply | undefined> {
    if (actor.kind === 'system') return undefined;
    try {
      await this.limiters[actor.device.role].consume(actor.device.deviceId);
      return undefined;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      return errorReply('RATE_LIMITED', 'too many commands from this device; slow down', {
        retryAfterMs: res.msBeforeNext,
      });
    }
  }
}

function fail(error: ErrorReply, commandId: string | undefined): Reply {
  return commandId ? { ok: false, commandId, error } : { ok: false, error };
}

/** Echo a command id back even on a malformed command, if there is a plausible one. */
function commandIdOf(input: unknown): string | undefined {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : undefined;
}
