import type { OfficeState } from '@bb/core';
import type {
  Command,
  CommandName,
  CommandOf,
  DomainEvent,
  ErrorReply,
  Instant,
  StoredEvent,
} from '@bb/protocol';
import type { Device } from '../store/devices.ts';
import type { Stores } from '../store/stores.ts';

/** Who sent a command: a paired device, or the hub itself (day close). */
export type Actor = { kind: 'device'; device: Device } | { kind: 'system'; reason: string };

/** A guard may refuse a command or hand back an adjusted one (e.g. the kiosk's id stamped in). */
export type GuardResult<C> = { ok: true; command: C } | { ok: false; error: ErrorReply };
export type Guard = <C extends Command>(actor: Actor, command: C) => GuardResult<C>;

/** What a handler sees while the hub is single-writer for one command. */
export interface RunContext {
  actor: Actor;
  now: Instant;
  state: OfficeState;
  stores: Stores;
  hooks: EngineHooks;
  /** How long a new pairing code stays valid. */
  pairingCodeTtlMs: number;
}

/** What the engine tells the transports after a command has committed. */
export interface EngineHooks {
  applied(stored: StoredEvent[]): void;
  deviceRevoked(deviceId: string): void;
}

/**
 * The decision of one command. `events` go to the log; `effects` write everything else that must commit
 * with them (personal data, status tokens, devices); `afterCommit` runs once the transaction is durable.
 */
export interface Accepted {
  ok: true;
  events: DomainEvent[];
  after: OfficeState;
  /** The reply's result; fixed when the command is decided. */
  result: unknown;
  /** The result as kept in the command log, if it must differ (secrets a retry must not hand out again). */
  loggedResult?: unknown;
  effects?: (stored: StoredEvent[]) => void;
  afterCommit?: () => void;
}

export type Outcome = Accepted | { ok: false; error: ErrorReply };

export interface Handler<N extends CommandName = CommandName> {
  types: readonly N[];
  guard: Guard;
  /** Slow checks that may await (PIN hashing) before the hub takes its single-writer turn. */
  check?: (
    command: CommandOf<N>,
    ctx: { actor: Actor; stores: Stores; state: OfficeState },
  ) => Promise<ErrorReply | undefined>;
  run: (command: CommandOf<N>, ctx: RunContext) => Outcome;
}

/** Helper so each handler file gets its command type narrowed without casts at the call site. */
export function handler<N extends CommandName>(h: Handler<N>): Handler<N> {
  return h;
}
