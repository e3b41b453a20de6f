import { describe, expect, it } from 'vitest';
import { MINUTE, connect, http, pairDevice, staffCounter, startTestHub } from './helpers.ts';

const DAY = 24 * 60 * MINUTE;

describe('retention of personal data', () => {
  it('deletes names, notes and status links after retentionDays; statistics stay', async () => {
    const hub = await startTestHub();
    try {
      const slotAt = hub.clock.t + 10 * MINUTE;
      await http(hub.url, '/api/appointments/import', {
        token: hub.adminToken,
        body: [
          {
            appointmentId: 'r-1',
            bookingCode: 'RET-0001',
            services: ['ausweis'],
            slotAt,
            name: 'Hans Meier',
            note: 'Dolmetscher',
          },
        ],
      });
      const kiosk = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
      const counter = await staffCounter(hub, 'platz-1', 'clerk-1');
      const t = await kiosk.send({ type: 'appointment.checkIn', bookingCode: 'RET-0001', language: 'de' });
      const { ticketId, statusToken } = (t as { result: { ticketId: string; statusToken: string } }).result;
      await counter.send({ type: 'ticket.call', counterId: 'platz-1', ticketId });
      await counter.send({ type: 'ticket.start', counterId: 'platz-1', ticketId });
      await counter.send({
        type: 'ticket.transfer',
        counterId: 'platz-1',
        ticketId,
        toServiceId: 'meldung',
        note: 'Pass fehlt',
      });
      expect(hub.stores.personal.appointment('r-1')).toEqual({ name: 'Hans Meier', note: 'Dolmetscher' });
      expect(hub.stores.personal.ticketNotes(ticketId)).toEqual(['Pass fehlt']);
      expect((await http(hub.url, `/api/status/${statusToken}`)).status).toBe(200);

      hub.clock.advance(89 * DAY);
      await hub.tick();
      expect(hub.stores.personal.appointment('r-1')).toBeDefined(); // not yet
      hub.clock.advance(2 * DAY);
      await hub.tick();
      expect(hub.stores.personal.appointment('r-1')).toBeUndefined();
      expect(hub.stores.personal.ticketNotes(ticketId)).toEqual([]);
      expect((await http(hub.url, `/api/status/${statusToken}`)).status).toBe(404);
      const stats = await http(hub.url, '/api/stats?day=2026-11-23', { token: hub.adminToken });
      expect(stats.json.visitors).toBe(1);
      kiosk.close();
      counter.close();
    } finally {
      await hub.stop();
    }
  });
});
