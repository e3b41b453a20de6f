import { describe, expect, it } from 'vitest';
import { businessDay, openingStatus } from './calendar.ts';
import { testConfig } from './testOffice.ts';

const at = (iso: string) => Date.parse(iso);

describe('opening hours in the office time zone', () => {
  const config = testConfig();

  it('is open inside the hours and says when it closes', () => {
    expect(openingStatus(config, at('2026-11-23T08:00:00+01:00'))).toMatchObject({
      open: true,
      closesAt: at('2026-11-23T18:00:00+01:00'),
    });
    expect(openingStatus(config, at('2026-11-23T07:59:59+01:00')).open).toBe(false);
    expect(openingStatus(config, at('2026-11-23T18:00:00+01:00')).open).toBe(false);
  });

  it('keeps 08:00 local across the spring DST change (UTC offset +1 -> +2)', () => {
    // Sunday 29 March 2026 the clocks go forward; Monday 30 March opens at 08:00 CEST = 06:00 UTC.
    expect(openingStatus(config, at('2026-03-30T06:00:00Z')).open).toBe(true);
    expect(openingStatus(config, at('2026-03-30T05:59:00Z')).open).toBe(false);
    expect(openingStatus(config, at('2026-03-28T12:00:00Z')).opensAt).toBe(at('2026-03-30T06:00:00Z'));
  });

  it('keeps 18:00 local across the autumn DST change (UTC offset +2 -> +1)', () => {
    // Sunday 25 October 2026 the clocks go back; Monday 26 October closes at 18:00 CET = 17:00 UTC.
    expect(openingStatus(config, at('2026-10-26T16:59:00Z')).closesAt).toBe(at('2026-10-26T17:00:00Z'));
  });

  it('handles a lunch break, holidays and special hours', () => {
    const base = testConfig();
    const c = testConfig({
      openingHours: {
        weekly: {
          ...base.openingHours.weekly,
          mon: [
            { from: '08:00', to: '12:00' },
            { from: '13:00', to: '16:00' },
          ],
        },
        exceptions: [
          { date: '2026-12-24', closed: false, hours: [{ from: '08:00', to: '11:00' }] },
          { date: '2026-12-25', closed: true, hours: [] },
        ],
      },
    });
    expect(openingStatus(c, at('2026-11-23T12:30:00+01:00'))).toMatchObject({
      open: false,
      opensAt: at('2026-11-23T13:00:00+01:00'),
    });
    expect(openingStatus(c, at('2026-12-24T10:00:00+01:00')).closesAt).toBe(at('2026-12-24T11:00:00+01:00'));
    // After Christmas Eve closes, the next opening is Monday 28th (25th holiday, 26th/27th weekend).
    expect(openingStatus(c, at('2026-12-24T12:00:00+01:00')).opensAt).toBe(at('2026-12-28T08:00:00+01:00'));
  });

  it('lets an interval end at 24:00, so an office can be open around the clock', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const c = testConfig({
      openingHours: {
        weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      },
    });
    expect(openingStatus(c, at('2026-11-23T23:59:30+01:00'))).toMatchObject({
      open: true,
      closesAt: at('2026-11-24T00:00:00+01:00'),
    });
    expect(openingStatus(c, at('2026-11-24T00:00:00+01:00')).open).toBe(true);
    // The night the clocks go back has 25 hours; 24:00 is still midnight.
    expect(openingStatus(c, at('2026-10-25T23:30:00+01:00')).closesAt).toBe(at('2026-10-26T00:00:00+01:00'));
  });

  it('takes the business day from the local calendar, not UTC', () => {
    expect(businessDay(at('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-24');
    expect(businessDay(at('2026-11-23T22:59:00Z'), 'Europe/Berlin')).toBe('2026-11-23');
  });
});
