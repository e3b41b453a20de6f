import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  http,
  newId,
  pairDevice,
  pairWithCode,
  staffCounter,
  startTestHub,
  waitFor,
  type TestHub,
} from './helpers.ts';

describe('who may do what', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.stop());

  it('without a token there is health, pairing and the status page, nothing else', async () => {
    const health = await http(hub.url, '/api/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', protocolVersion: 1, officeId: 'test-office' });
    expect(typeof health.json.seq).toBe('number');
    expect(typeof health.json.uptimeMs).toBe('number');

    const command = await http(hub.url, '/api/commands', {
      body: { id: newId(), type: 'ticket.issue', services: ['ausweis'], language: 'de' },
    });
    expect(command.status).toBe(401);
    expect(command.json).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'error.UNAUTHENTICATED' },
    });
    const wrong = await http(hub.url, '/api/commands', {
      token: 'not-a-token',
      body: { id: newId(), type: 'day.close' },
    });
    expect(wrong.status).toBe(401);
    expect((await http(hub.url, '/api/stats')).status).toBe(401);
    expect((await http(hub.url, '/api/devices')).status).toBe(401);
    expect((await http(hub.url, '/api/status/nonsense')).status).toBe(404);
    expect(hub.engine.seq).toBe(0);
  });

  it('a socket with a wrong or missing token gets connect_error UNAUTHENTICATED', async () => {
    for (const auth of [{ token: 'nope' }, {}]) {
      const socket = ioClient(hub.url, { auth, transports: ['websocket'], reconnection: false });
      const err = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
        socket.on('connect_error', resolve),
      );
      expect(err.data?.code).toBe('UNAUTHENTICATED');
      socket.close();
    }
  });

  it('a pairing code works once and only for the role it was made for', async () => {
    const reply = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: newId(), type: 'device.createPairingCode', role: 'display', name: 'Halle' },
    });
    expect(reply.json.ok).toBe(true);
    const code: string = reply.json.result.code;
    const first = await pairWithCode(hub.url, code.toLowerCase().replace('-', ' '));
    expect(first.device).toMatchObject({ role: 'display', name: 'Halle' });
    const second = await http(hub.url, '/api/pair', { body: { code } });
    expect(second.status).toBe(401);
    expect(second.json.error.code).toBe('PAIRING_CODE_INVALID');
    // The command log never hands the code out again.
    expect(JSON.stringify(hub.stores.db.prepare('SELECT reply FROM commands').all())).not.toContain(code);
  });

  it('pairing codes expire', async () => {
    const reply = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: newId(), type: 'device.createPairingCode', role: 'kiosk', name: 'Eingang' },
    });
    hub.clock.advance(16 * 60_000);
    expect((await http(hub.url, '/api/pair', { body: { code: reply.json.result.code } })).status).toBe(401);
  });

  it('a display can send no command; a kiosk cannot call; a non-admin cannot pair devices', async () => {
    const display = await connect(hub.url, (await pairDevice(hub, 'display')).token);
    expect(await display.send({ type: 'ticket.issue', services: ['ausweis'], language: 'de' })).toMatchObject(
      { ok: false, error: { code: 'FORBIDDEN' } },
    );
    const kiosk = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
    expect(await kiosk.send({ type: 'counter.callNext', counterId: 'platz-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await kiosk.send({ type: 'device.createPairingCode', role: 'admin', name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await kiosk.send({ type: 'day.close' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await kiosk.send({ type: 'ticket.issue', services: ['ausweis'], language: 'de' })).ok).toBe(true);
    const kioskStats = await http(hub.url, '/api/stats', { token: (await pairDevice(hub, 'kiosk')).token });
    expect(kioskStats.status).toBe(403);
    display.close();
    kiosk.close();
  });

  it('a counter device acts only for its own counter', async () => {
    const c1 = await staffCounter(hub, 'platz-1', 'clerk-1');
    await staffCounter(hub, 'platz-2', 'clerk-2').then((c) => c.close());
    const other = await c1.send({ type: 'counter.callNext', counterId: 'platz-2' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const login = await c1.send({
      type: 'clerk.login',
      counterId: 'platz-2',
      clerkId: 'clerk-3',
      pin: '1234',
      services: [],
    });
    expect(login).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(c1.viewAs('counter').counterId).toBe('platz-1');
    const called = await c1.send({ type: 'counter.callNext', counterId: 'platz-1' });
    expect(called.ok).toBe(true);
    c1.close();
  });

  it('wrong PINs are refused, and after five the clerk is locked for a while', async () => {
    const { token } = await pairDevice(hub, 'counter', 'platz-4');
    const c4 = await connect(hub.url, token);
    expect(
      await c4.send({
        type: 'clerk.login',
        counterId: 'platz-4',
        clerkId: 'nobody',
        pin: '1234',
        services: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CLERK' } });
    for (let i = 0; i < 5; i++)
      expect(
        await c4.send({
          type: 'clerk.login',
          counterId: 'platz-4',
          clerkId: 'clerk-4',
          pin: '9999',
          services: [],
        }),
      ).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(
      await c4.send({
        type: 'clerk.login',
        counterId: 'platz-4',
        clerkId: 'clerk-4',
        pin: '1234',
        services: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(c4.viewAs('counter').clerk).toBeNull();
    c4.close();
  });

  it('a revoked device is disconnected with a revoked push and cannot come back', async () => {
    const paired = await pairDevice(hub, 'kiosk');
    const kiosk = await connect(hub.url, paired.token);
    let disconnected = false;
    kiosk.socket.on('disconnect', () => (disconnected = true));
    const reply = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: newId(), type: 'device.revoke', deviceId: paired.device.deviceId },
    });
    expect(reply.json.ok).toBe(true);
    await waitFor(() => disconnected && kiosk.revoked, 3000, 'revoked + disconnect');
    const http401 = await http(hub.url, '/api/commands', {
      token: paired.token,
      body: { id: newId(), type: 'ticket.issue', services: ['ausweis'], language: 'de' },
    });
    expect(http401.status).toBe(401);
    const again = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { id: newId(), type: 'device.revoke', deviceId: paired.device.deviceId },
    });
    expect(again.json.error.code).toBe('DEVICE_NOT_FOUND');
    const socket = ioClient(hub.url, {
      auth: { token: paired.token },
      transports: ['websocket'],
      reconnection: false,
    });
    const err = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    expect(err.data?.code).toBe('UNAUTHENTICATED');
    socket.close();
  });

  it('admins get the events they missed on connect', async () => {
    const admin = await connect(hub.url, hub.adminToken, 0);
    await waitFor(() => admin.events.length === hub.engine.seq);
    expect(admin.events.map((e) => e.seq)).toEqual(Array.from({ length: hub.engine.seq }, (_, i) => i + 1));
    expect(admin.hello?.device.role).toBe('admin');
    admin.close();
  });
});
