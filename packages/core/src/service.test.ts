import { describe, expect, it } from 'vitest';
import { queueFor } from './callOrder.ts';
import { TestOffice } from './testOffice.ts';

describe('serving a visitor', () => {
  it('goes called -> serving -> done and frees the counter', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const t = o.issue();
    o.callNext('c1');
    expect(
      o.refused({ type: 'ticket.finish', ticketId: t.id, counterId: 'c1', handledServices: ['pa'] }),
    ).toBe('INVALID_TRANSITION');
    o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
    o.advance(12);
    o.ok({ type: 'ticket.finish', ticketId: t.id, counterId: 'c1', handledServices: ['pa'] });
    expect(o.status(t.id)).toBe('done');
    expect(o.state.counters.get('c1')!.ticketId).toBeNull();
    expect(o.state.handling.get('pa')).toEqual({ count: 1, totalMs: 12 * 60_000 });
  });

  it('transfers to another service keeping the number and the place by original arrival', () => {
    const o = new TestOffice();
    o.login('c1', 'k1', ['pa']);
    o.login('c2', 'k2', ['um']);
    const t = o.issue(['pa', 'um']);
    o.advance(5);
    const later = o.issue(['um']);
    o.callNext('c1');
    o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
    o.ok({
      type: 'ticket.transfer',
      ticketId: t.id,
      counterId: 'c1',
      toServiceId: 'um',
      note: 'Meldeschein fehlt',
    });
    expect(o.ticket(t.id)).toMatchObject({
      status: 'waiting',
      number: 'A001',
      services: ['um'],
      callCount: 0,
    });
    expect(queueFor(o.state, 'c2', o.now).map((x) => x.id)).toEqual([t.id, later.id]);
  });

  it('transfers to a particular counter, which alone may call it', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    o.login('c2', 'k2');
    o.login('c3', 'k3');
    const t = o.issue();
    o.callNext('c1');
    o.ok({ type: 'ticket.transfer', ticketId: t.id, counterId: 'c1', toCounterId: 'c3' });
    expect(o.refused({ type: 'counter.callNext', counterId: 'c2' })).toBe('QUEUE_EMPTY');
    expect(o.callNext('c3').id).toBe(t.id);
  });

  it('parks a case and resumes it later with the service time summed over both parts', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const t = o.issue();
    const other = o.issue();
    o.callNext('c1');
    o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
    o.advance(4);
    o.ok({ type: 'ticket.park', ticketId: t.id, counterId: 'c1' });
    expect(o.status(t.id)).toBe('parked');
    // The desk serves someone else meanwhile.
    expect(o.callNext('c1').id).toBe(other.id);
    expect(o.refused({ type: 'ticket.resume', ticketId: t.id, counterId: 'c1' })).toBe('COUNTER_BUSY');
    o.ok({ type: 'ticket.cancel', ticketId: other.id, counterId: 'c1' });
    o.ok({ type: 'ticket.resume', ticketId: t.id, counterId: 'c1' });
    expect(o.ticket(t.id)).toMatchObject({ status: 'called', number: 'A001' });
    expect(o.state.calls[0]).toMatchObject({ number: 'A001', counterId: 'c1' });
    o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
    o.advance(6);
    o.ok({ type: 'ticket.finish', ticketId: t.id, counterId: 'c1', handledServices: ['pa'] });
    expect(o.state.handling.get('pa')!.totalMs).toBe(10 * 60_000);
  });

  it('lets a clerk hold only one ticket and sit at only one counter', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    expect(
      o.refused({
        type: 'clerk.login',
        counterId: 'c2',
        clerkId: 'k1',
        pin: '1234',
        services: [],
        appointmentsOnly: false,
      }),
    ).toBe('CLERK_LOGGED_IN_ELSEWHERE');
    expect(
      o.refused({
        type: 'clerk.login',
        counterId: 'c1',
        clerkId: 'k2',
        pin: '1234',
        services: [],
        appointmentsOnly: false,
      }),
    ).toBe('COUNTER_OCCUPIED');
    const a = o.issue();
    const b = o.issue();
    o.callNext('c1');
    expect(o.refused({ type: 'ticket.call', ticketId: b.id, counterId: 'c1' })).toBe('COUNTER_BUSY');
    expect(o.refused({ type: 'clerk.logout', counterId: 'c1' })).toBe('COUNTER_BUSY');
    o.ok({ type: 'ticket.cancel', ticketId: a.id, counterId: 'c1' });
    o.ok({ type: 'clerk.logout', counterId: 'c1' });
    expect(o.state.counters.get('c1')!.session).toBeNull();
  });

  it('cancels only waiting or called tickets', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const t = o.issue();
    o.callNext('c1');
    o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
    expect(o.refused({ type: 'ticket.cancel', ticketId: t.id })).toBe('INVALID_TRANSITION');
  });
});

describe('day close', () => {
  it('expires everything still open and logs clerks out', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const [a, b, c] = [o.issue(), o.issue(), o.issue()];
    o.callNext('c1');
    o.ok({ type: 'ticket.start', ticketId: a.id, counterId: 'c1' });
    const events = o.ok({ type: 'day.close' });
    expect(
      events.filter((e) => e.type === 'TicketExpired').map((e) => 'ticketId' in e && e.ticketId),
    ).toEqual([a.id, b.id, c.id]);
    expect(o.state.tickets.size).toBe(0);
    expect(o.state.counters.get('c1')).toMatchObject({ session: null, ticketId: null });
  });
});
