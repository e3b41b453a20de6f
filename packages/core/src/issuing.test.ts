import { describe, expect, it } from 'vitest';
import { MINUTE, MONDAY_9, TestOffice, testConfig } from './testOffice.ts';

describe('issuing a walk-in ticket', () => {
  it('numbers per prefix, counting up within the day', () => {
    const o = new TestOffice();
    expect([o.issue(['pa']).number, o.issue(['pa']).number, o.issue(['um']).number]).toEqual([
      'A001',
      'A002',
      'B001',
    ]);
  });

  it('takes its prefix from the first concern and keeps all concerns', () => {
    const o = new TestOffice();
    const t = o.issue(['um', 'pa']);
    expect(t.number).toBe('B001');
    expect(t.services).toEqual(['um', 'pa']);
  });

  it('is refused when the office is closed, and says when it opens', () => {
    const o = new TestOffice(testConfig(), Date.parse('2026-11-22T10:00:00+01:00')); // a Sunday
    const d = o.try({ type: 'ticket.issue', services: ['pa'], language: 'de' });
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.code).toBe('OFFICE_CLOSED');
      expect(d.error.params?.opensAt).toBe(Date.parse('2026-11-23T08:00:00+01:00'));
    }
  });

  it('is refused on a holiday exception', () => {
    const base = testConfig();
    const config = testConfig({
      openingHours: { ...base.openingHours, exceptions: [{ date: '2026-11-23', closed: true, hours: [] }] },
    });
    expect(new TestOffice(config).refused({ type: 'ticket.issue', services: ['pa'], language: 'de' })).toBe(
      'OFFICE_CLOSED',
    );
  });

  it('is refused once the daily quota of a service is used up, for that service only', () => {
    const o = new TestOffice();
    o.issue(['um']);
    o.issue(['um']);
    expect(o.refused({ type: 'ticket.issue', services: ['um'], language: 'de' })).toBe('QUOTA_EXHAUSTED');
    expect(o.refused({ type: 'ticket.issue', services: ['pa', 'um'], language: 'de' })).toBe(
      'QUOTA_EXHAUSTED',
    );
    expect(o.issue(['pa']).number).toBe('A001');
  });

  it('is refused when staff switched issuing off, office-wide or per service', () => {
    const o = new TestOffice();
    o.ok({ type: 'issuing.set', enabled: false, serviceId: 'pa' });
    expect(o.refused({ type: 'ticket.issue', services: ['pa'], language: 'de' })).toBe(
      'SERVICE_ISSUING_DISABLED',
    );
    expect(o.issue(['fs']).number).toBe('C001');
    o.ok({ type: 'issuing.set', enabled: false });
    expect(o.refused({ type: 'ticket.issue', services: ['fs'], language: 'de' })).toBe('ISSUING_DISABLED');
    o.ok({ type: 'issuing.set', enabled: true });
    o.ok({ type: 'issuing.set', enabled: true, serviceId: 'pa' });
    expect(o.issue(['pa']).number).toBe('A001');
  });

  it('is refused when the expected wait runs past closing time', () => {
    const o = new TestOffice(testConfig(), Date.parse('2026-11-23T17:05:00+01:00'));
    // Each ticket adds 10 minutes for the one desk assumed; the 7th newcomer would wait 60 minutes, past 18:00.
    for (let i = 0; i < 6; i++) o.issue(['pa']);
    expect(o.refused({ type: 'ticket.issue', services: ['pa'], language: 'de' })).toBe(
      'WAIT_EXCEEDS_CLOSING',
    );
    // Another desk opening halves the wait, and issuing works again.
    o.login('c1', 'k1');
    o.login('c2', 'k2');
    expect(o.issue(['pa']).number).toBe('A007');
  });

  it('refuses an unknown service and a service that is by appointment only', () => {
    const config = testConfig();
    config.services.push({ ...config.services[0]!, id: 'rp', prefix: 'R', appointmentOnly: true });
    const o = new TestOffice(config);
    expect(o.refused({ type: 'ticket.issue', services: ['xx'], language: 'de' })).toBe('UNKNOWN_SERVICE');
    expect(o.refused({ type: 'ticket.issue', services: ['rp'], language: 'de' })).toBe(
      'SERVICE_APPOINTMENT_ONLY',
    );
  });

  it('wraps at the end of the range and skips numbers still held by live tickets', () => {
    const config = testConfig({ rules: { ...testConfig().rules, numberRange: { from: 1, to: 3 } } });
    const o = new TestOffice(config);
    const [a1, a2, a3] = [o.issue(), o.issue(), o.issue()];
    expect([a1.number, a2.number, a3.number]).toEqual(['A1', 'A2', 'A3']);
    expect(o.refused({ type: 'ticket.issue', services: ['pa'], language: 'de' })).toBe('NUMBERS_EXHAUSTED');
    o.ok({ type: 'ticket.cancel', ticketId: a2.id });
    expect(o.issue().number).toBe('A2');
    o.ok({ type: 'ticket.cancel', ticketId: a1.id });
    expect(o.issue().number).toBe('A1');
  });

  it('starts numbering again on the next day', () => {
    const o = new TestOffice();
    o.issue();
    o.issue();
    o.ok({ type: 'day.close' });
    o.now = MONDAY_9 + 24 * 60 * MINUTE;
    expect(o.issue().number).toBe('A001');
  });

  it('tells the visitor how many are ahead and a wait range', async () => {
    const { issuedTicket } = await import('./views/issuedTicket.ts');
    const o = new TestOffice();
    o.issue();
    o.issue();
    const third = o.issue();
    const view = issuedTicket(o.state, third.id, o.now)!;
    expect(view.ahead).toBe(2);
    // 2 x 10 min on the one desk assumed: ca. 15–25 minutes
    expect(view.estimate).toEqual({ minMinutes: 15, maxMinutes: 25 });
  });
});
