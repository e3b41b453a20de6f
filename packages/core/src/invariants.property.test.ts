import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainCommand, DomainEvent } from '@bb/protocol';
import type { OfficeState, Ticket } from './state.ts';
import { MINUTE, TestOffice, testConfig } from './testOffice.ts';

/** The life cycle of DOMAIN.md: every status change a ticket may make (staying put is always allowed). */
const ALLOWED: Record<Ticket['status'], readonly Ticket['status'][]> = {
  waiting: ['called', 'cancelled', 'expired'],
  called: ['waiting', 'missed', 'serving', 'cancelled', 'expired'],
  serving: ['done', 'parked', 'waiting', 'expired'],
  parked: ['called', 'expired'],
  missed: ['waiting', 'expired'],
  done: [],
  cancelled: [],
  expired: [],
};

const SERVICES = ['pa', 'um', 'fs'];
const COUNTERS = ['c1', 'c2', 'c3'];
const CLERKS = ['k1', 'k2', 'k3'];

type Step =
  | { kind: 'advance'; minutes: number }
  | { kind: 'command'; make: (o: TestOffice) => Omit<DomainCommand, 'id'> };

const pick = <T>(items: readonly T[], i: number) => items[i % items.length]!;
const ticketIds = (o: TestOffice) => [...o.state.tickets.keys()];
/** Mostly a ticket in a status where the command makes sense, sometimes any ticket (to test refusals). */
const anyTicket = (o: TestOffice, i: number, statuses: readonly string[] = []) => {
  const fitting = [...o.state.tickets.values()].filter((t) => statuses.includes(t.status)).map((t) => t.id);
  const pool = fitting.length && i % 5 !== 0 ? fitting : ticketIds(o);
  return pick(pool.length ? pool : ['none'], i);
};
const HOLD_STATUSES: Record<string, readonly string[]> = {
  'ticket.call': ['waiting'],
  'ticket.recall': ['called'],
  'ticket.markNotAppeared': ['called'],
  'ticket.start': ['called'],
  'ticket.park': ['serving'],
  'ticket.resume': ['parked'],
  'ticket.cancel': ['waiting', 'called'],
  'ticket.reactivate': ['missed'],
};
/** The counter holding the ticket, mostly (so counter commands can succeed), else any counter. */
const holder = (o: TestOffice, ticketId: string, i: number) => {
  const t = o.state.tickets.get(ticketId);
  return t && 'counterId' in t && i % 4 !== 0 ? t.counterId : pick(COUNTERS, i);
};

const idx = fc.nat(50);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 12 }) }),
  },
  ...(
    [
      fc
        .tuple(fc.subarray(SERVICES, { minLength: 1, maxLength: 2 }))
        .map(([services]) => (_o: TestOffice) => ({
          type: 'ticket.issue',
          services,
          language: 'de',
        })),
      fc.tuple(idx, fc.integer({ min: -40, max: 40 })).map(([i, slot]) => (o: TestOffice) => ({
        type: 'appointments.import',
        appointments: [
          {
            appointmentId: `a${i}`,
            bookingCode: `CODE${i}`,
            services: [pick(SERVICES, i)],
            slotAt: o.now + slot * MINUTE,
          },
        ],
      })),
      idx.map((i) => () => ({ type: 'appointment.checkIn', bookingCode: `code-${i}`, language: 'en' })),
      idx.map((i) => () => ({ type: 'counter.callNext', counterId: pick(COUNTERS, i) })),
      fc
        .tuple(idx, idx, fc.subarray(SERVICES), fc.boolean())
        .map(([c, k, services, appointmentsOnly]) => () => ({
          type: 'clerk.login',
          counterId: pick(COUNTERS, c),
          clerkId: pick(CLERKS, k),
          pin: '1234',
          services,
          appointmentsOnly,
        })),
      fc
        .tuple(fc.constantFrom('clerk.logout', 'counter.pause', 'counter.resume'), idx)
        .map(([type, c]) => () => ({ type, counterId: pick(COUNTERS, c) })),
      fc
        .tuple(
          fc.constantFrom(
            'ticket.call',
            'ticket.recall',
            'ticket.markNotAppeared',
            'ticket.start',
            'ticket.park',
            'ticket.resume',
          ),
          idx,
          idx,
        )
        .map(([type, t, c]) => (o: TestOffice) => {
          const ticketId = anyTicket(o, t, HOLD_STATUSES[type]);
          const free = [...o.state.counters.values()]
            .filter((x) => x.session && !x.ticketId)
            .map((x) => x.id);
          const counterId =
            type === 'ticket.call' || type === 'ticket.resume'
              ? pick(free.length ? free : COUNTERS, c)
              : holder(o, ticketId, c);
          return { type, ticketId, counterId };
        }),
      fc.tuple(idx, idx, idx).map(([t, c, s]) => (o: TestOffice) => {
        const ticketId = anyTicket(o, t, ['serving']);
        return {
          type: 'ticket.finish',
          ticketId,
          counterId: holder(o, ticketId, c),
          handledServices: [pick(SERVICES, s)],
        };
      }),
      fc.tuple(idx, idx, idx, fc.boolean()).map(([t, c, s, toCounter]) => (o: TestOffice) => {
        const ticketId = anyTicket(o, t, ['called', 'serving']);
        return {
          type: 'ticket.transfer',
          ticketId,
          counterId: holder(o, ticketId, c),
          toServiceId: pick(SERVICES, s),
          ...(toCounter ? { toCounterId: pick(COUNTERS, s) } : {}),
        };
      }),
      fc
        .tuple(fc.constantFrom('ticket.cancel', 'ticket.reactivate'), idx, fc.option(idx))
        .map(([type, t, c]) => (o: TestOffice) => ({
          type,
          ticketId: anyTicket(o, t, HOLD_STATUSES[type]),
          ...(c === null ? {} : { counterId: pick(COUNTERS, c) }),
        })),
      fc.tuple(idx, fc.constantFrom(1, 2, 3)).map(([t, priority]) => (o: TestOffice) => ({
        type: 'ticket.setPriority',
        ticketId: anyTicket(o, t),
        priority,
      })),
      idx.map((t) => (o: TestOffice) => ({
        type: 'ticket.reportBack',
        number: o.state.tickets.get(anyTicket(o, t, ['missed']))?.number ?? 'A1',
        language: 'de',
      })),
      fc.tuple(fc.constantFrom(true, true, true, false), fc.option(idx)).map(([enabled, s]) => () => ({
        type: 'issuing.set',
        enabled,
        ...(s === null ? {} : { serviceId: pick(SERVICES, s) }),
      })),
    ] as fc.Arbitrary<(o: TestOffice) => Omit<DomainCommand, 'id'>>[]
  ).map((make, i) => ({
    // issue, call next and the ticket actions carry the day; admin switches are rarer
    weight: [6, 1, 2, 6, 4, 1, 10, 3, 2, 2, 1, 1, 1][i] ?? 1,
    arbitrary: make.map((m) => ({ kind: 'command' as const, make: m })),
  })),
);

function checkInvariants(before: OfficeState, after: OfficeState, stepEvents: readonly DomainEvent[]) {
  const live = [...after.tickets.values()].filter(
    (t) => !['done', 'cancelled', 'expired'].includes(t.status),
  );
  // 1. never two live tickets with the same number
  expect(new Set(live.map((t) => t.number)).size).toBe(live.length);
  // 2. a held ticket is held by exactly the counter it names, and no counter holds two
  const heldIds = [...after.counters.values()].flatMap((c) => (c.ticketId ? [c.ticketId] : []));
  expect(new Set(heldIds).size).toBe(heldIds.length);
  for (const t of after.tickets.values()) {
    const holders = [...after.counters.values()].filter((c) => c.ticketId === t.id);
    if (t.status === 'called' || t.status === 'serving') {
      expect(holders.map((c) => c.id)).toEqual([t.counterId]);
      // 3. a clerk holds at most one called or serving ticket, and only where they are logged in
      expect(after.counters.get(t.counterId)!.session?.clerkId).toBe(t.clerkId);
    } else expect(holders).toEqual([]);
  }
  // 4. no transition outside the life cycle; a ticket leaves the live state only by ending
  for (const t of after.tickets.values()) {
    const was = before.tickets.get(t.id);
    if (was && was.status !== t.status) expect(ALLOWED[was.status]).toContain(t.status);
    if (!was) expect(t.status).toBe('waiting');
  }
  for (const was of before.tickets.values()) {
    if (after.tickets.has(was.id)) continue;
    const end = stepEvents
      .filter((e) => 'ticketId' in e && e.ticketId === was.id)
      .map((e) => ENDS[e.type])
      .find(Boolean);
    expect(end, `ticket ${was.number} vanished without ending`).toBeDefined();
    expect(ALLOWED[was.status]).toContain(end);
  }
}

const ENDS: Record<string, Ticket['status']> = {
  TicketFinished: 'done',
  TicketCancelled: 'cancelled',
  TicketExpired: 'expired',
};

describe('invariants under any sequence of commands', () => {
  it('hold after every step, and day close ends every ticket', () => {
    const config = testConfig({ rules: { ...testConfig().rules, numberRange: { from: 1, to: 6 } } });
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 200, size: 'max' }), (steps) => {
        const o = new TestOffice(config, Date.parse('2026-11-23T08:00:00+01:00'));
        for (const s of steps) {
          if (s.kind === 'advance') {
            o.advance(s.minutes);
            continue;
          }
          const before = o.state;
          const d = o.try(s.make(o) as never);
          checkInvariants(before, o.state, d.ok ? d.events : []);
        }
        const open = [...o.state.tickets.keys()];
        o.ok({ type: 'day.close' });
        // 5. every ticket of the day ends in a final state
        const expired = new Set(o.log.flatMap((e) => (e.type === 'TicketExpired' ? [e.ticketId] : [])));
        for (const id of open) {
          const ended = o.log.some(
            (e) =>
              'ticketId' in e &&
              e.ticketId === id &&
              ['TicketFinished', 'TicketCancelled', 'TicketExpired'].includes(e.type),
          );
          expect(ended || expired.has(id)).toBe(true);
        }
        expect(o.state.tickets.size).toBe(0);
        expect([...o.state.counters.values()].every((c) => c.ticketId === null && c.session === null)).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });
});
