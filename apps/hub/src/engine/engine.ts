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
import { payloadHash, type LoggedCommand } from '../store/commandLog.ts';
import type { Stores } from '../store/stores.ts';
import { evolveAll } from './domain.ts';
import { createHandlers } from './handlers/index.ts';
import type { Accepted, Actor, EngineHooks, Handler, Outcome } from './types.ts';

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

  private firstReply(id: string, type: string, hash: string): Reply | Promise<Reply> | undefined {
    const pending = this.batch.find((p) => p.id === id);
    const logged = pending
      ? { type: pending.type, payloadHash: pending.hash }
      : this.opts.stores.commands.find(id);
    if (!logged) return undefined;
    if (logged.type !== type || logged.payloadHash !== hash)
      return fail(
        errorReply('COMMAND_ID_REUSED', 'this command id was already used for another command'),
        id,
      );
    return pending ? pending.promise : (logged as LoggedCommand).reply;
  }

  /**
   * Decided commands wait here for their commit. Every command that arrives in one turn of the event loop is
   * written in one transaction (one fsync for all of them: group commit), and each reply is sent only after
   * that commit, so an acknowledged command is on disk. The state moves on at once, so the next command in
   * the turn is decided against it; if the commit fails, the state goes back and every command in the batch
   * is answered with an error (nothing of it was acknowledged).
   */
  private batch: Pending[] = [];
  private batchBase: { state: OfficeState; seq: number } | undefined;
  private flushing: Promise<void> | undefined;

  private commit(id: string, type: string, hash: string, outcome: Outcome): Promise<Reply> {
    if (!outcome.ok) {
      const reply: Reply = { ok: false, commandId: id, error: outcome.error };
      this.opts.stores.commands.rememberRefusal(id, type, hash, reply);
      // A refusal may rest on decisions not yet on disk: answer it after them.
      return this.flushing ? this.flushing.then(() => reply) : Promise.resolve(reply);
    }
    this.batchBase ??= { state: this.stateNow, seq: this.seqNow };
    const stored = outcome.events.map((event, i) => ({ ...event, seq: this.seqNow + i + 1 }) as StoredEvent);
    this.stateNow = outcome.after;
    this.seqNow += stored.length;
    const reply = { ok: true as const, commandId: id, seq: this.seqNow, result: outcome.result };
    const pending: Pending = { id, type, hash, outcome, stored, reply, ...deferred<Reply>() };
    this.batch.push(pending);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(() => resolve(this.flush())));
    return pending.promise;
  }

  private flush(): void {
    const batch = this.batch;
    const base = this.batchBase!;
    this.batch = [];
    this.batchBase = undefined;
    this.flushing = undefined;
    const { stores } = this.opts;
    const now = this.opts.now();
    try {
      stores.db.transaction(() => {
        for (const p of batch) {
          if (p.stored.length > 0) stores.events.insert(p.stored);
          for (const event of p.stored) stores.tickets.apply(event);
          p.outcome.effects?.(p.stored);
          const { loggedResult } = p.outcome;
          const logged = loggedResult === undefined ? p.reply : { ...p.reply, result: loggedResult };
          stores.commands.record(p.id, p.type, p.hash, logged, p.reply.seq, now);
        }
      })();
    } catch (err) {
      this.opts.log.error({ err, commands: batch.length }, 'commit failed; the batch is undone');
      this.stateNow = base.state;
      this.seqNow = base.seq;
      for (const p of batch)
        p.resolve(fail(errorReply('INTERNAL', 'the hub could not save this command'), p.id));
      return;
    }
    const stored = batch.flatMap((p) => p.stored);
    this.maybeSnapshot(stored, now);
    for (const p of batch) p.outcome.afterCommit?.();
    if (stored.length > 0) this.notify(stored);
    for (const p of batch) p.resolve(p.reply);
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

interface Pending {
  id: string;
  type: string;
  hash: string;
  outcome: Accepted;
  stored: StoredEvent[];
  /** The reply sent once the batch is on disk; its `seq` is the office's after this command. */
  reply: Reply & { ok: true };
  promise: Promise<Reply>;
  resolve: (reply: Reply) => void;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fail(error: ErrorReply, commandId: string | undefined): Reply {
  return commandId ? { ok: false, commandId, error } : { ok: false, error };
}

/** Echo a command id back even on a malformed command, if there is a plausible one. */
function commandIdOf(input: unknown): string | undefined {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : undefined;
}
