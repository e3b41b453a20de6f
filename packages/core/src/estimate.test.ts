import { describe, expect, it } from 'vitest';
import { estimateFor, toRange } from './estimate.ts';
import { TestOffice } from './testOffice.ts';

describe('expected wait', () => {
  it('is a range around the expected minutes', () => {
    expect(toRange(20)).toEqual({ minMinutes: 15, maxMinutes: 25 });
    expect(toRange(0)).toEqual({ minMinutes: 0, maxMinutes: 5 });
    expect(toRange(60)).toEqual({ minMinutes: 45, maxMinutes: 75 });
  });

  it('shares the work ahead among the desks serving that service', () => {
    const o = new TestOffice();
    for (let i = 0; i < 6; i++) o.issue(['pa']);
    expect(estimateFor(o.state, 'pa', o.now).minutes).toBe(60);
    o.login('c1', 'k1', ['pa']);
    o.login('c2', 'k2', ['pa', 'um']);
    o.login('c3', 'k3', ['um']);
    expect(estimateFor(o.state, 'pa', o.now)).toMatchObject({ ahead: 6, minutes: 30 });
    o.ok({ type: 'counter.pause', counterId: 'c2' });
    expect(estimateFor(o.state, 'pa', o.now).minutes).toBe(60);
  });

  it("switches from the configured average to today's observed time once there are enough samples", () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    for (let i = 0; i < 3; i++) {
      const t = o.issue(['pa']);
      o.callNext('c1');
      o.ok({ type: 'ticket.start', ticketId: t.id, counterId: 'c1' });
      o.advance(20);
      o.ok({ type: 'ticket.finish', ticketId: t.id, counterId: 'c1', handledServices: ['pa'] });
    }
    o.issue(['pa']);
    expect(estimateFor(o.state, 'pa', o.now).minutes).toBe(20);
  });
});
