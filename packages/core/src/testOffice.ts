// Test support: a small office and a driver that applies commands the way the hub does (decide, then evolve).
import {
  OfficeConfig,
  type DomainCommand,
  type DomainEvent,
  type ErrorCode,
  type OfficeConfigInput,
} from '@bb/protocol';
import { decide } from './decide/index.ts';
import { evolve } from './evolve.ts';
import { initialState } from './initialState.ts';
import type { OfficeState } from './state.ts';

export const MINUTE = 60_000;
/** Monday 23 November 2026, 09:00 in Berlin (CET, UTC+1). */
export const MONDAY_9 = Date.parse('2026-11-23T09:00:00+01:00');

const weekday = [{ from: '08:00', to: '18:00' }];

export function testConfig(over: Partial<OfficeConfigInput> = {}): OfficeConfig {
  return OfficeConfig.parse({
    office: { id: 'test', name: 'Bürgerbüro Test' },
    services: [
      { id: 'pa', prefix: 'A', name: { de: 'Personalausweis', en: 'ID card' }, averageMinutes: 10 },
      { id: 'um', prefix: 'B', name: { de: 'Ummeldung' }, averageMinutes: 6, dailyQuota: 2 },
      { id: 'fs', prefix: 'C', name: { de: 'Fundsachen' }, averageMinutes: 5 },
    ],
    counters: [
      { id: 'c1', label: 'Platz 1' },
      { id: 'c2', label: 'Platz 2' },
      { id: 'c3', label: 'Platz 3' },
    ],
    clerks: ['k1', 'k2', 'k3'].map((id) => ({
      id,
      name: `Clerk ${id}`,
      pinHash: 'scrypt$c2FsdA==$aGFzaA==',
    })),
    openingHours: { weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
    ...over,
  });
}

let commandNo = 0;

type Cmd = DomainCommand extends infer C ? (C extends DomainCommand ? Omit<C, 'id'> : never) : never;

/** Drives the rules like the hub: decide, then evolve; time moves only when told. */
export class TestOffice {
  state: OfficeState;
  now: number;
  readonly log: DomainEvent[] = [];

  constructor(config = testConfig(), now = MONDAY_9) {
    this.state = initialState(config);
    this.now = now;
  }

  try(cmd: Cmd) {
    const d = decide(this.state, { id: `cmd-${++commandNo}-test`, ...cmd } as DomainCommand, this.now);
    if (d.ok) for (const e of d.events) this.apply(e);
    return d;
  }

  apply(e: DomainEvent) {
    this.state = evolve(this.state, e);
    this.log.push(e);
  }

  /** Runs a command that must succeed and returns its events. */
  ok(cmd: Cmd): DomainEvent[] {
    const d = this.try(cmd);
    if (!d.ok) throw new Error(`${cmd.type} refused: ${d.error.code} ${d.error.message}`);
    return d.events;
  }

  /** Runs a command that must be refused, checks nothing changed, and returns the error code. */
  refused(cmd: Cmd): ErrorCode {
    const before = this.state;
    const d = this.try(cmd);
    if (d.ok) throw new Error(`${cmd.type} was accepted: ${JSON.stringify(d.events)}`);
    if (this.state !== before) throw new Error('a refused command changed the state');
    return d.error.code;
  }

  advance(minutes: number) {
    this.now += minutes * MINUTE;
  }

  issue(services: string[] = ['pa'], language: 'de' | 'en' | 'tr' | 'ar' = 'de') {
    const e = this.ok({ type: 'ticket.issue', services, language });
    return this.ticket(e[0]!.type === 'TicketIssued' ? e[0]!.ticketId : '');
  }

  login(counterId: string, clerkId: string, services: string[] = [], appointmentsOnly = false) {
    this.ok({ type: 'clerk.login', counterId, clerkId, pin: '1234', services, appointmentsOnly });
  }

  callNext(counterId: string) {
    const e = this.ok({ type: 'counter.callNext', counterId });
    return this.ticket(e[0]!.type === 'TicketCalled' ? e[0]!.ticketId : '');
  }

  ticket(id: string) {
    const t = this.state.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }

  number(id: string) {
    return this.ticket(id).number;
  }

  /** The live status, or for a ticket that left the state the end its last event gave it. */
  status(id: string): string {
    const live = this.state.tickets.get(id);
    if (live) return live.status;
    const last = this.log.filter((e) => 'ticketId' in e && e.ticketId === id).at(-1);
    const ends: Record<string, string> = {
      TicketFinished: 'done',
      TicketCancelled: 'cancelled',
      TicketExpired: 'expired',
    };
    if (!last || !ends[last.type]) throw new Error(`no ticket ${id}`);
    return ends[last.type]!;
  }
}
