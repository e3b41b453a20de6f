import type { OfficeConfig } from '@bb/protocol';
import type { CounterState, OfficeState } from './state.ts';

export function initialState(config: OfficeConfig): OfficeState {
  return {
    config,
    day: null,
    tickets: new Map(),
    counters: new Map(config.counters.map((c) => [c.id, emptyCounter(c.id)])),
    appointments: new Map(),
    issuing: { enabled: true, disabledServices: new Set() },
    lastSeqNo: new Map(),
    walkInsIssued: new Map(),
    handling: new Map(),
    calls: [],
    callSeq: 0,
    ticketSerial: 0,
    servedMs: new Map(),
  };
}

export function emptyCounter(id: string): CounterState {
  return { id, session: null, paused: false, ticketId: null };
}
