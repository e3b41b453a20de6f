import type { OfficeConfig } from '@bb/protocol';
import { emptyCounter, initialState } from './initialState.ts';
import type { CounterState, OfficeState } from './state.ts';

const SNAPSHOT_VERSION = 1;

/** The state without its configuration, as JSON, so the hub can start without replaying a year of events. */
export function serializeState(state: OfficeState): string {
  const { config: _config, issuing, ...rest } = state;
  const plain = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, v instanceof Map ? [...v.entries()] : v]),
  );
  return JSON.stringify({
    v: SNAPSHOT_VERSION,
    ...plain,
    issuing: { enabled: issuing.enabled, disabledServices: [...issuing.disabledServices] },
  });
}

/**
 * The inverse of serializeState, under the current configuration: counters added since get an empty
 * entry, counters removed since are dropped.
 */
export function restoreState(config: OfficeConfig, json: string): OfficeState {
  const raw = JSON.parse(json) as Record<string, unknown> & { v: number };
  if (raw.v !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${raw.v} is not ${SNAPSHOT_VERSION}`);
  const init = initialState(config);
  const map = <V>(key: string) => new Map((raw[key] as [string, V][] | undefined) ?? []);
  const saved = map<CounterState>('counters');
  const issuing = raw.issuing as { enabled: boolean; disabledServices: string[] };
  return {
    ...init,
    day: (raw.day as string | null) ?? null,
    tickets: map('tickets'),
    counters: new Map(config.counters.map((c) => [c.id, saved.get(c.id) ?? emptyCounter(c.id)])),
    appointments: map('appointments'),
    issuing: { enabled: issuing.enabled, disabledServices: new Set(issuing.disabledServices) },
    lastSeqNo: map('lastSeqNo'),
    walkInsIssued: map('walkInsIssued'),
    handling: map('handling'),
    calls: (raw.calls as OfficeState['calls']) ?? [],
    callSeq: (raw.callSeq as number) ?? 0,
    ticketSerial: (raw.ticketSerial as number) ?? 0,
    servedMs: map('servedMs'),
  };
}
