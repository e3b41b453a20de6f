import type { Reply } from '@bb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MINUTE,
  PIN,
  type Json,
  connect,
  http,
  pairDevice,
  staffCounter,
  startTestHub,
  waitFor,
  type TestClient,
  type TestHub,
} from './helpers.ts';

/** A busy Monday, driven through the real hub with real sockets, as kiosks, counters and a hall display. */
describe('a day at the office', () => {
  let hub: TestHub;
  let kiosk: TestClient;
  let display: TestClient;
  let c1: TestClient;
  let c2: TestClient;
  let c3: TestClient;

  const ok = (reply: Reply) => {
    if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.error)}`);
    return reply.result as Record<string, Json>;
  };
  const issue = (services: string[]) => kiosk.send({ type: 'ticket.issue', services, language: 'de' });
  const displayCalls = () => display.viewAs('display').calls;

  beforeAll(async () => {
    hub = await startTestHub();
    kiosk = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
    display = await connect(hub.url, (await pairDevice(hub, 'display')).token);
    c1 = await staffCounter(hub, 'platz-1', 'clerk-1');
    c2 = await staffCounter(hub, 'platz-2', 'clerk-2', ['meldung']);
    c3 = await staffCounter(hub, 'platz-3', 'clerk-3');
  });
  afterAll(async () => {
    for (const c of [kiosk, display, c1, c2, c3]) c?.close();
    await hub?.stop();
  });

  let a1: Record<string, Json>;

  it('issues walk-in tickets with numbers, an estimate and a status link', async () => {
    a1 = ok(await issue(['ausweis']));
    const a2 = ok(await issue(['ausweis']));
    const m1 = ok(await issue(['meldung']));
    expect([a1.number, a2.number, m1.number]).toEqual(['A001', 'A002', 'M001']);
    expect(a2.ahead).toBe(1);
    expect(a1.statusToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const status = await http(hub.url, `/api/status/${a1.statusToken}`);
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ number: 'A001', status: 'waiting', officeName: 'Bürgerbüro Test' });
    await waitFor(
      () => display.viewAs('display').waiting.find((w) => w.serviceId === 'ausweis')?.waiting === 2,
    );
    // Caller panels may trail the display by a few ms under load (their views are throttled).
    await waitFor(() => c1.viewAs('counter').queue.length === 3 && c2.viewAs('counter').queue.length === 1);
    expect(c1.viewAs('counter').queue.map((t) => t.number)).toEqual(['A001', 'A002', 'M001']);
    expect(c2.viewAs('counter').queue.map((t) => t.number)).toEqual(['M001']);
  });

  it('calls, recalls and shows it on the display without names', async () => {
    hub.clock.advance(3 * MINUTE);
    expect(ok(await c1.send({ type: 'counter.callNext', counterId: 'platz-1' }))).toMatchObject({
      number: 'A001',
      status: 'called',
    });
    await waitFor(() => displayCalls().length === 1);
    expect(displayCalls()[0]).toMatchObject({ number: 'A001', counterLabel: 'Platz 1', recall: false });
    await waitFor(() => c1.viewAs('counter').current !== null);
    expect(c1.viewAs('counter').current?.number).toBe('A001');

    ok(await c1.send({ type: 'ticket.recall', counterId: 'platz-1', ticketId: a1.ticketId }));
    await waitFor(() => displayCalls().length === 2);
    expect(displayCalls()[0]).toMatchObject({ number: 'A001', recall: true });
    expect(JSON.stringify(display.views)).not.toContain('Clerk Nummer');

    const status = await http(hub.url, `/api/status/${a1.statusToken}`);
    expect(status.json).toMatchObject({ status: 'called', counterLabel: 'Platz 1' });
  });

  it('a counter holds one ticket at a time', async () => {
    const busy = await c1.send({ type: 'counter.callNext', counterId: 'platz-1' });
    expect(busy).toMatchObject({ ok: false, error: { code: 'COUNTER_BUSY' } });
  });

  it('a visitor who does not come is blocked, then missed, and may report back at the kiosk', async () => {
    ok(await c1.send({ type: 'ticket.markNotAppeared', counterId: 'platz-1', ticketId: a1.ticketId }));
    // A001 is blocked now: the next call gets A002.
    const next = ok(await c1.send({ type: 'counter.callNext', counterId: 'platz-1' }));
    expect(next.number).toBe('A002');
    ok(await c1.send({ type: 'ticket.start', counterId: 'platz-1', ticketId: next.ticketId }));
    hub.clock.advance(12 * MINUTE);
    ok(
      await c1.send({
        type: 'ticket.finish',
        counterId: 'platz-1',
        ticketId: next.ticketId,
        handledServices: ['ausweis'],
      }),
    );

    const blocked = await c1.send({ type: 'ticket.call', counterId: 'platz-1', ticketId: a1.ticketId });
    expect(blocked.ok).toBe(true); // block time (5 min) is over
    let status = 'called';
    for (let i = 0; i < 5 && status !== 'missed'; i++) {
      const r = ok(
        await c1.send({ type: 'ticket.markNotAppeared', counterId: 'platz-1', ticketId: a1.ticketId }),
      );
      status = r.status;
      if (status === 'missed') break;
      hub.clock.advance(6 * MINUTE);
      ok(await c1.send({ type: 'ticket.call', counterId: 'platz-1', ticketId: a1.ticketId }));
    }
    expect(status).toBe('missed');
    await waitFor(() => c1.viewAs('counter').missed.some((t) => t.number === 'A001'));

    const back = await kiosk.send({ type: 'ticket.reportBack', number: 'A1', language: 'de' });
    expect(ok(back).number).toBe('A001');
    await waitFor(() => c1.viewAs('counter').queue.some((t) => t.number === 'A001'));
  });

  it('transfers a case with a note only the counters see, and parks and resumes it', async () => {
    const m1 = ok(await c2.send({ type: 'counter.callNext', counterId: 'platz-2' }));
    expect(m1.number).toBe('M001');
    ok(await c2.send({ type: 'ticket.start', counterId: 'platz-2', ticketId: m1.ticketId }));
    ok(
      await c2.send({
        type: 'ticket.transfer',
        counterId: 'platz-2',
        ticketId: m1.ticketId,
        toServiceId: 'ausweis',
        note: 'Alter Ausweis fehlt',
      }),
    );
    await waitFor(() => c1.viewAs('counter').queue.some((t) => t.number === 'M001' && t.notes));
    expect(c1.viewAs('counter').queue.find((t) => t.number === 'M001')?.notes).toEqual([
      'Alter Ausweis fehlt',
    ]);
    expect(JSON.stringify(display.views)).not.toContain('Alter Ausweis');
    expect(JSON.stringify(kiosk.views)).not.toContain('Alter Ausweis');
    const events = hub.stores.events.after(0);
    expect(JSON.stringify(events)).not.toContain('Alter Ausweis');

    const called = ok(await c3.send({ type: 'ticket.call', counterId: 'platz-3', ticketId: m1.ticketId }));
    expect(called.number).toBe('M001');
    ok(await c3.send({ type: 'ticket.start', counterId: 'platz-3', ticketId: m1.ticketId }));
    ok(await c3.send({ type: 'ticket.park', counterId: 'platz-3', ticketId: m1.ticketId }));
    await waitFor(() => c3.viewAs('counter').parked.some((t) => t.number === 'M001'));
    expect(c3.viewAs('counter').current).toBeNull();
    hub.clock.advance(4 * MINUTE);
    ok(await c3.send({ type: 'ticket.resume', counterId: 'platz-3', ticketId: m1.ticketId }));
    ok(await c3.send({ type: 'ticket.start', counterId: 'platz-3', ticketId: m1.ticketId }));
    const done = ok(
      await c3.send({
        type: 'ticket.finish',
        counterId: 'platz-3',
        ticketId: m1.ticketId,
        handledServices: ['meldung', 'ausweis'],
      }),
    );
    expect(done.status).toBe('done');
  });

  it('imports appointments as CSV; check-in gives an appointment ticket the counter sees with the name', async () => {
    const slot = new Date(hub.clock.t + 20 * MINUTE).toISOString().replace('Z', '+00:00');
    const csv = `appointmentId,bookingCode,services,slotAt,name,note\nbk-1,ABC-123-XYZ,ausweis|meldung,${slot},Erika Mustermann,Rollstuhl\n`;
    const imported = await http(hub.url, '/api/appointments/import', {
      token: hub.adminToken,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(imported.status).toBe(200);
    expect(imported.json.result).toMatchObject({ added: 1 });
    expect(JSON.stringify(hub.stores.events.after(0))).not.toContain('Mustermann');

    const tooEarly = await kiosk.send({
      type: 'appointment.checkIn',
      bookingCode: 'ABC-123-XYZ',
      language: 'en',
    });
    expect(tooEarly.ok).toBe(true); // 20 min before the slot is inside the 30 min window
    const t = (tooEarly as { result: { number: string; kind: string } }).result;
    expect(t.kind).toBe('appointment');
    expect(t.number).toMatch(/^T\d{3}$/);
    const again = await kiosk.send({ type: 'appointment.checkIn', bookingCode: 'abc123xyz', language: 'en' });
    expect(again).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_ALREADY_CHECKED_IN' } });

    hub.clock.advance(16 * MINUTE); // callable 5 min before the slot
    // A001 has waited long enough to go ahead of appointments; this desk takes appointments only.
    ok(await c3.send({ type: 'clerk.logout', counterId: 'platz-3' }));
    ok(
      await c3.send({
        type: 'clerk.login',
        counterId: 'platz-3',
        clerkId: 'clerk-3',
        pin: PIN,
        services: [],
        appointmentsOnly: true,
      }),
    );
    const called = ok(await c3.send({ type: 'counter.callNext', counterId: 'platz-3' }));
    expect(called.number).toBe(t.number);
    await waitFor(() => c3.viewAs('counter').current?.number === t.number);
    expect(c3.viewAs('counter').current).toMatchObject({ name: 'Erika Mustermann', notes: ['Rollstuhl'] });
    expect(JSON.stringify(display.views)).not.toContain('Mustermann');
    ok(await c3.send({ type: 'ticket.start', counterId: 'platz-3', ticketId: called.ticketId }));
    hub.clock.advance(9 * MINUTE);
    ok(
      await c3.send({
        type: 'ticket.finish',
        counterId: 'platz-3',
        ticketId: called.ticketId,
        handledServices: ['ausweis'],
      }),
    );
  });

  it('refuses walk-ins when the quota is used up, issuing is off or the office is closed', async () => {
    ok(await issue(['fund']));
    ok(await issue(['fund']));
    expect(await issue(['fund'])).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXHAUSTED', key: 'error.QUOTA_EXHAUSTED' },
    });
    await waitFor(() => kiosk.viewAs('kiosk').services.find((s) => s.id === 'fund')?.available === false);

    const off = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: 'issuing-off-1', type: 'issuing.set', enabled: false },
    });
    expect(off.status).toBe(200);
    expect(await issue(['meldung'])).toMatchObject({ ok: false, error: { code: 'ISSUING_DISABLED' } });
    await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: 'issuing-on-1', type: 'issuing.set', enabled: true },
    });

    hub.clock.t = Date.parse('2026-11-23T18:01:00+01:00');
    await hub.tick();
    expect(await issue(['meldung'])).toMatchObject({ ok: false, error: { code: 'OFFICE_CLOSED' } });
    await waitFor(() => kiosk.viewAs('kiosk').open === false);
  });

  it('reports the day per service and hour, as JSON and CSV', async () => {
    const stats = await http(hub.url, '/api/stats?day=2026-11-23', { token: hub.adminToken });
    expect(stats.status).toBe(200);
    const day = stats.json.rows.find((r: Json) => r.serviceId === 'ausweis' && r.hour === null);
    // A001 (missed, back, still waiting), A002 (12 min at the desk), the appointment (9 min; first service ausweis)
    expect(day).toMatchObject({ tickets: 3, walkIns: 2, appointments: 1, finished: 2 });
    expect(day.waitingMs.median).toBeGreaterThan(0);
    expect(day.serviceMs).toMatchObject({ count: 2 });
    expect([9 * MINUTE, 12 * MINUTE]).toContain(day.serviceMs.median);
    const csv = await http(hub.url, '/api/stats.csv?day=2026-11-23', { token: hub.adminToken });
    expect(csv.text.split('\n')[0]).toContain('waitingMedianMin');
    expect(csv.text).toContain('2026-11-23,ausweis,,3,2,1,2,');
    expect((await http(hub.url, '/api/stats?day=2026-11-23')).status).toBe(401);
    expect((await http(hub.url, '/api/stats?day=23.11.2026', { token: hub.adminToken })).status).toBe(400);
  });

  it('closes the day by itself after midnight: open tickets expire, numbers start again', async () => {
    const before = hub.engine.seq;
    hub.clock.t = Date.parse('2026-11-24T00:05:00+01:00');
    await hub.tick();
    expect(hub.engine.seq).toBeGreaterThan(before);
    const closed = hub.stores.events.after(before).map((e) => e.type);
    expect(closed).toContain('DayClosed');
    expect(closed).toContain('TicketExpired');
    const status = await http(hub.url, `/api/status/${a1.statusToken}`);
    expect(status.json.status).toBe('expired');
    await hub.tick(); // not twice
    expect(hub.stores.events.after(before).filter((e) => e.type === 'DayClosed')).toHaveLength(1);

    hub.clock.t = Date.parse('2026-11-24T08:00:00+01:00');
    expect(ok(await issue(['ausweis'])).number).toBe('A001');
  });
});
