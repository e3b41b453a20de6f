import { describe, expect, it } from 'vitest';
import { dayStatistics, figures } from './stats.ts';
import { TestOffice } from './testOffice.ts';

describe('day statistics', () => {
  it('gives median and 90th percentile by nearest rank', () => {
    expect(figures([])).toBeNull();
    expect(figures([5, 1, 3])).toEqual({ count: 3, median: 3, p90: 5 });
    const ten = Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);
    expect(figures(ten)).toEqual({ count: 10, median: 5000, p90: 9000 });
  });

  it('measures waiting, walking and service time per service and hour, and counts no-shows', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const a = o.issue(['pa']); // 09:00
    const b = o.issue(['pa']);
    o.advance(10);
    o.callNext('c1'); // a waited 10 min
    o.advance(1);
    o.ok({ type: 'ticket.start', ticketId: a.id, counterId: 'c1' }); // walked 1 min
    o.advance(4);
    o.ok({ type: 'ticket.park', ticketId: a.id, counterId: 'c1' });
    o.advance(30);
    o.ok({ type: 'ticket.resume', ticketId: a.id, counterId: 'c1' });
    o.ok({ type: 'ticket.start', ticketId: a.id, counterId: 'c1' });
    o.advance(6);
    o.ok({ type: 'ticket.finish', ticketId: a.id, counterId: 'c1', handledServices: ['pa'] });
    o.callNext('c1'); // b waited 51 min
    for (let i = 0; i < 2; i++) o.ok({ type: 'ticket.recall', ticketId: b.id, counterId: 'c1' });
    o.ok({ type: 'ticket.markNotAppeared', ticketId: b.id, counterId: 'c1' });
    o.ok({ type: 'day.close' });
    const stats = dayStatistics('2026-11-23', o.log, 'Europe/Berlin');
    expect(stats.visitors).toBe(2);
    const day = stats.rows.find((r) => r.serviceId === 'pa' && r.hour === null)!;
    expect(day).toMatchObject({ tickets: 2, finished: 1, noShows: 1, expired: 1 });
    expect(day.waitingMs).toEqual({ count: 2, median: 10 * 60_000, p90: 51 * 60_000 });
    expect(day.serviceMs).toEqual({ count: 1, median: 10 * 60_000, p90: 10 * 60_000 });
    expect(day.walkingMs!.median).toBe(0); // after resume the visitor was at the desk at once
    expect(stats.rows.find((r) => r.hour === 9)!.tickets).toBe(2);
  });
});
