import { describe, expect, it } from 'vitest';
import { queueFor } from './callOrder.ts';
import { MINUTE, TestOffice, testConfig } from './testOffice.ts';

function withAppointment(o: TestOffice, slotInMinutes: number, code = 'ABC123') {
  o.ok({
    type: 'appointments.import',
    appointments: [
      {
        appointmentId: `ap-${code}`,
        bookingCode: code,
        services: ['pa'],
        slotAt: o.now + slotInMinutes * MINUTE,
      },
    ],
  });
  const e = o.ok({ type: 'appointment.checkIn', bookingCode: code, language: 'de' });
  return o.ticket(e[0]!.type === 'TicketIssued' ? e[0]!.ticketId : '');
}

describe('call order', () => {
  it('calls the longest waiting walk-in first', () => {
    const o = new TestOffice();
    const first = o.issue();
    o.advance(1);
    o.issue();
    o.login('c1', 'k1');
    expect(o.callNext('c1').id).toBe(first.id);
  });

  it('calls higher priority first', () => {
    const o = new TestOffice();
    o.issue();
    const urgent = o.issue();
    o.ok({ type: 'ticket.setPriority', ticketId: urgent.id, priority: 3 });
    o.login('c1', 'k1');
    expect(o.callNext('c1').id).toBe(urgent.id);
  });

  it('puts a due appointment ahead of walk-ins that are not overdue, but not before it is due', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const walkIn = o.issue();
    const appointment = withAppointment(o, 20); // checked in 20 minutes early
    expect(queueFor(o.state, 'c1', o.now).map((t) => t.id)).toEqual([walkIn.id]);
    o.advance(15); // 5 minutes before the slot: callable now (default lead 5 min)
    expect(queueFor(o.state, 'c1', o.now).map((t) => t.id)).toEqual([appointment.id, walkIn.id]);
  });

  it('does not let appointments starve a walk-in that has waited past the threshold', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const walkIn = o.issue();
    o.advance(25);
    const appointment = withAppointment(o, 0);
    expect(queueFor(o.state, 'c1', o.now)[0]!.id).toBe(appointment.id);
    o.advance(10); // the walk-in has now waited 35 min > 30 min and arrived before the slot
    expect(queueFor(o.state, 'c1', o.now)[0]!.id).toBe(walkIn.id);
  });

  it('respects the services a clerk chose and appointments-only desks', () => {
    const o = new TestOffice();
    const um = o.issue(['um']);
    const pa = o.issue(['pa']);
    o.login('c1', 'k1', ['um']);
    o.login('c2', 'k2', [], true);
    expect(queueFor(o.state, 'c1', o.now).map((t) => t.id)).toEqual([um.id]);
    expect(o.refused({ type: 'counter.callNext', counterId: 'c2' })).toBe('QUEUE_EMPTY');
    o.login('c3', 'k3', ['pa', 'fs']);
    expect(o.callNext('c3').id).toBe(pa.id);
  });

  it('refuses to call from an empty, unstaffed, paused or busy counter', () => {
    const o = new TestOffice();
    expect(o.refused({ type: 'counter.callNext', counterId: 'c1' })).toBe('COUNTER_NOT_STAFFED');
    expect(o.refused({ type: 'counter.callNext', counterId: 'nope' })).toBe('UNKNOWN_COUNTER');
    o.login('c1', 'k1');
    expect(o.refused({ type: 'counter.callNext', counterId: 'c1' })).toBe('QUEUE_EMPTY');
    o.issue();
    o.issue();
    o.ok({ type: 'counter.pause', counterId: 'c1' });
    expect(o.refused({ type: 'counter.callNext', counterId: 'c1' })).toBe('COUNTER_PAUSED');
    o.ok({ type: 'counter.resume', counterId: 'c1' });
    o.callNext('c1');
    expect(o.refused({ type: 'counter.callNext', counterId: 'c1' })).toBe('COUNTER_BUSY');
  });

  it('never gives one ticket to two clerks', () => {
    const o = new TestOffice();
    const t = o.issue();
    o.login('c1', 'k1');
    o.login('c2', 'k2');
    o.callNext('c1');
    expect(o.refused({ type: 'counter.callNext', counterId: 'c2' })).toBe('QUEUE_EMPTY');
    expect(o.refused({ type: 'ticket.call', ticketId: t.id, counterId: 'c2' })).toBe(
      'TICKET_HELD_BY_OTHER_COUNTER',
    );
    expect(o.refused({ type: 'ticket.start', ticketId: t.id, counterId: 'c2' })).toBe(
      'TICKET_HELD_BY_OTHER_COUNTER',
    );
  });
});

describe('call limit and block time', () => {
  it('blocks a ticket after "did not appear" and marks it missed at the limit', () => {
    const o = new TestOffice();
    o.login('c1', 'k1');
    const t = o.issue();
    o.callNext('c1');
    o.ok({ type: 'ticket.recall', ticketId: t.id, counterId: 'c1' });
    o.ok({ type: 'ticket.markNotAppeared', ticketId: t.id, counterId: 'c1' });
    expect(o.status(t.id)).toBe('waiting');
    expect(o.ticket(t.id).callCount).toBe(2);
    expect(o.refused({ type: 'counter.callNext', counterId: 'c1' })).toBe('QUEUE_EMPTY');
    expect(o.refused({ type: 'ticket.call', ticketId: t.id, counterId: 'c1' })).toBe('TICKET_BLOCKED');
    o.advance(5);
    expect(o.callNext('c1').id).toBe(t.id);
    expect(o.ticket(t.id).callCount).toBe(3);
    expect(o.refused({ type: 'ticket.recall', ticketId: t.id, counterId: 'c1' })).toBe('CALL_LIMIT_REACHED');
    o.ok({ type: 'ticket.markNotAppeared', ticketId: t.id, counterId: 'c1' });
    expect(o.status(t.id)).toBe('missed');
  });

  it('lets a missed visitor report back at the kiosk within the grace period, and not after', () => {
    const config = testConfig({ rules: { ...testConfig().rules, maxCalls: 1 } });
    const o = new TestOffice(config);
    o.login('c1', 'k1');
    const a = o.issue();
    const b = o.issue();
    for (const t of [a, b]) {
      o.callNext('c1');
      o.ok({ type: 'ticket.markNotAppeared', ticketId: t.id, counterId: 'c1' });
    }
    o.advance(20);
    o.ok({ type: 'ticket.reportBack', number: 'a 1', language: 'de' });
    expect(o.status(a.id)).toBe('waiting');
    expect(o.ticket(a.id).callCount).toBe(0);
    o.advance(11);
    expect(o.refused({ type: 'ticket.reportBack', number: 'A002', language: 'de' })).toBe(
      'GRACE_PERIOD_OVER',
    );
    o.ok({ type: 'ticket.reactivate', ticketId: b.id });
    expect(o.status(b.id)).toBe('waiting');
  });
});

describe('appointment check-in', () => {
  const importOne = (o: TestOffice, slotAt: number) =>
    o.ok({
      type: 'appointments.import',
      appointments: [{ appointmentId: 'x1', bookingCode: 'KX7-99Q', services: ['pa', 'um'], slotAt }],
    });

  it('accepts the code typed loosely or scanned from the e-mail link, from 30 min before to 15 min after', () => {
    const o = new TestOffice();
    importOne(o, o.now + 31 * MINUTE);
    expect(o.refused({ type: 'appointment.checkIn', bookingCode: 'kx7 99q', language: 'de' })).toBe(
      'APPOINTMENT_TOO_EARLY',
    );
    o.advance(1);
    const e = o.ok({
      type: 'appointment.checkIn',
      bookingCode: 'https://termine.example/confirm?code=kx7-99q',
      language: 'tr',
    });
    const t = o.ticket(e[0]!.type === 'TicketIssued' ? e[0]!.ticketId : '');
    expect(t.number).toBe('T001');
    expect(t.services).toEqual(['pa', 'um']);
    expect(t.kind).toBe('appointment');
    expect(o.refused({ type: 'appointment.checkIn', bookingCode: 'KX799Q', language: 'de' })).toBe(
      'APPOINTMENT_ALREADY_CHECKED_IN',
    );
  });

  it('offers a walk-in to those who come too late and refuses unknown codes', () => {
    const o = new TestOffice();
    importOne(o, o.now - 16 * MINUTE);
    const d = o.try({ type: 'appointment.checkIn', bookingCode: 'KX799Q', language: 'de' });
    expect(!d.ok && d.error.code).toBe('APPOINTMENT_TOO_LATE');
    expect(!d.ok && d.error.params?.walkInOffered).toBe(true);
    expect(o.refused({ type: 'appointment.checkIn', bookingCode: 'NOPE42', language: 'de' })).toBe(
      'APPOINTMENT_NOT_FOUND',
    );
  });

  it('imports all or nothing and updates appointments that moved', () => {
    const o = new TestOffice();
    importOne(o, o.now + 60 * MINUTE);
    const code = o.refused({
      type: 'appointments.import',
      appointments: [
        { appointmentId: 'x2', bookingCode: 'GOOD01', services: ['pa'], slotAt: o.now },
        { appointmentId: 'x3', bookingCode: 'BAD002', services: ['nope'], slotAt: o.now },
      ],
    });
    expect(code).toBe('UNKNOWN_SERVICE');
    expect(o.state.appointments.has('x2')).toBe(false);
    expect(
      o.refused({
        type: 'appointments.import',
        appointments: [{ appointmentId: 'x9', bookingCode: 'kx7-99q', services: ['pa'], slotAt: o.now }],
      }),
    ).toBe('VALIDATION_FAILED');
    importOne(o, o.now + 90 * MINUTE);
    expect(o.state.appointments.get('x1')!.slotAt).toBe(o.now + 90 * MINUTE);
  });
});
