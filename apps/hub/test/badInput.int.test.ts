import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, http, newId, pairDevice, startTestHub, type TestClient, type TestHub } from './helpers.ts';

/** Whatever arrives, the hub answers with a Reply error, changes nothing, and keeps answering. */
describe('bad input', () => {
  let hub: TestHub;
  let kiosk: TestClient;
  let kioskToken: string;
  beforeAll(async () => {
    hub = await startTestHub({ rateLimits: { kiosk: 40 } });
    kioskToken = (await pairDevice(hub, 'kiosk')).token;
    kiosk = await connect(hub.url, kioskToken);
  });
  afterAll(async () => {
    kiosk?.close();
    await hub?.stop();
  });

  const post = (raw: string, contentType = 'application/json') =>
    http(hub.url, '/api/commands', { token: kioskToken, raw, contentType });

  it('malformed JSON, wrong types, unknown commands and unknown fields get VALIDATION_FAILED or UNKNOWN_COMMAND', async () => {
    const seq = hub.engine.seq;
    const cases: [string, number, string][] = [
      ['{"id": "abcdefgh", "type": ', 400, 'VALIDATION_FAILED'],
      ['[1,2,3]', 400, 'VALIDATION_FAILED'],
      ['"ticket.issue"', 400, 'VALIDATION_FAILED'],
      ['{"id":"abcdefgh1","type":"ticket.explode"}', 400, 'UNKNOWN_COMMAND'],
      [
        '{"id":"abcdefgh2","type":"ticket.issue","services":"ausweis","language":"de"}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        '{"id":"abcdefgh3","type":"ticket.issue","services":["ausweis"],"language":"xx"}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        '{"id":"abcdefgh4","type":"ticket.issue","services":["ausweis"],"language":"de","admin":true}',
        400,
        'VALIDATION_FAILED',
      ],
      ['{"id":"no","type":"ticket.issue","services":["ausweis"],"language":"de"}', 400, 'VALIDATION_FAILED'],
      [
        '{"id":"abcdefgh5","type":"ticket.issue","services":["unbekannt"],"language":"de"}',
        422,
        'UNKNOWN_SERVICE',
      ],
      ['{"__proto__":{"x":1},"id":"abcdefgh6","type":"ticket.issue"}', 400, 'VALIDATION_FAILED'],
      ['', 400, 'VALIDATION_FAILED'],
    ];
    for (const [raw, status, code] of cases) {
      const res = await post(raw);
      expect({ raw, status: res.status, code: res.json?.error?.code }).toEqual({ raw, status, code });
      expect(res.json).toMatchObject({ ok: false, error: { key: `error.${code}` } });
      expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
    const wrongType = await http(hub.url, '/api/commands', {
      token: kioskToken,
      raw: 'id=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.error.code).toBe('VALIDATION_FAILED');
    const field = await post('{"id":"abcdefgh7","type":"ticket.issue","services":[1],"language":"de"}');
    expect(field.json.error.message).toContain('services.0');
    expect(hub.engine.seq).toBe(seq);
  });

  it('the same over the socket, including junk that is not even an object', async () => {
    const seq = hub.engine.seq;
    for (const junk of [null, 42, 'hello', [], { type: 'ticket.issue' }, { id: 'abcdefgh8', type: 'nope' }]) {
      const reply = await kiosk.socket.timeout(2000).emitWithAck('command', junk);
      expect(reply.ok).toBe(false);
      expect(['VALIDATION_FAILED', 'UNKNOWN_COMMAND']).toContain(reply.error.code);
    }
    kiosk.socket.emit('command', { id: newId(), type: 'ticket.issue' }); // no ack: must not crash the hub
    kiosk.socket.emit('nonsense', 1, 2, 3);
    const resync = await kiosk.socket.timeout(2000).emitWithAck('resync', 'garbage');
    expect(resync.view.role).toBe('kiosk');
    expect(hub.engine.seq).toBe(seq);
  });

  it('oversized payloads are refused with PAYLOAD_TOO_LARGE', async () => {
    const seq = hub.engine.seq;
    const huge = JSON.stringify({
      id: newId(),
      type: 'ticket.issue',
      services: ['ausweis'],
      language: 'de',
      kioskId: 'x'.repeat(300_000),
    });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const reply = await kiosk.socket.timeout(3000).emitWithAck('command', JSON.parse(huge));
    expect(reply.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(hub.engine.seq).toBe(seq);
  });

  it('a flood from one kiosk is cut off with RATE_LIMITED, and the hub still answers others', async () => {
    const replies = await Promise.all(
      Array.from({ length: 80 }, () =>
        kiosk.send({ type: 'ticket.issue', services: ['meldung'], language: 'de' }),
      ),
    );
    const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    const issued = replies.filter((r) => r.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(issued.length).toBeLessThanOrEqual(40);
    // Refused commands changed nothing: exactly one event per issued ticket.
    expect(hub.stores.events.after(0).filter((e) => e.type === 'TicketIssued')).toHaveLength(issued.length);
    const other = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
    expect((await other.send({ type: 'ticket.issue', services: ['ausweis'], language: 'de' })).ok).toBe(true);
    other.close();
    expect((await http(hub.url, '/api/health')).status).toBe(200);
  });

  it('guessing pairing codes is slowed down', async () => {
    for (let i = 0; i < 10; i++)
      expect((await http(hub.url, '/api/pair', { body: { code: `WRONG-${i}000` } })).status).toBe(401);
    expect((await http(hub.url, '/api/pair', { body: { code: 'WRONG-CODE' } })).json.error.code).toBe(
      'RATE_LIMITED',
    );
    expect((await http(hub.url, '/api/pair', { body: { nocode: 1 } })).status).toBe(429);
  });

  it('bad appointment imports are refused as a whole', async () => {
    const seq = hub.engine.seq;
    const badCsv =
      'appointmentId,bookingCode,services,slotAt,name,note\nb1,CODE-1,ausweis,2026-11-23 09:00,Max,\n';
    const res = await http(hub.url, '/api/appointments/import', {
      token: hub.adminToken,
      raw: badCsv,
      contentType: 'text/csv',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('line 2');
    const badJson = await http(hub.url, '/api/appointments/import', {
      token: hub.adminToken,
      body: [{ appointmentId: 'x' }],
    });
    expect(badJson.status).toBe(400);
    expect(badJson.json.error.message).toContain('appointments.0');
    const kioskImport = await http(hub.url, '/api/appointments/import', { token: kioskToken, body: [] });
    expect(kioskImport.status).toBe(403);
    expect(hub.engine.seq).toBe(seq);
  });
});

describe('idempotency', () => {
  let hub: TestHub;
  let kiosk: TestClient;
  beforeAll(async () => {
    hub = await startTestHub();
    kiosk = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
  });
  afterAll(async () => {
    kiosk?.close();
    await hub?.stop();
  });

  it('the same command id twice gets the first reply and acts once, over socket and HTTP alike', async () => {
    const command = { id: newId(), type: 'ticket.issue', services: ['ausweis'], language: 'de' };
    const first = await kiosk.send(command);
    const seq = hub.engine.seq;
    const second = await kiosk.send(command);
    expect(second).toEqual(first);
    expect(hub.engine.seq).toBe(seq);
    const overHttp = await http(hub.url, '/api/commands', {
      token: hub.adminToken,
      body: { language: 'de', services: ['ausweis'], type: 'ticket.issue', id: command.id },
    });
    expect(overHttp.json).toEqual(first);
    expect(hub.stores.events.after(0).filter((e) => e.type === 'TicketIssued')).toHaveLength(1);
  });

  it('parallel retries of one command act once', async () => {
    const command = { id: newId(), type: 'ticket.issue', services: ['meldung'], language: 'tr' };
    const replies = await Promise.all(Array.from({ length: 5 }, () => kiosk.send(command)));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(
      hub.stores.events.after(0).filter((e) => e.type === 'TicketIssued' && e.language === 'tr'),
    ).toHaveLength(1);
  });

  it('the same id with another payload is COMMAND_ID_REUSED and changes nothing', async () => {
    const id = newId();
    expect((await kiosk.send({ id, type: 'ticket.issue', services: ['ausweis'], language: 'de' })).ok).toBe(
      true,
    );
    const seq = hub.engine.seq;
    const reused = await kiosk.send({ id, type: 'ticket.issue', services: ['meldung'], language: 'de' });
    expect(reused).toMatchObject({ ok: false, commandId: id, error: { code: 'COMMAND_ID_REUSED' } });
    expect(hub.engine.seq).toBe(seq);
  });

  it('a refusal is also the first reply: a retry does not suddenly succeed twice', async () => {
    const id = newId();
    const closed = await kiosk.send({ id, type: 'ticket.issue', services: ['unbekannt'], language: 'de' });
    expect(closed.ok).toBe(false);
    expect(await kiosk.send({ id, type: 'ticket.issue', services: ['unbekannt'], language: 'de' })).toEqual(
      closed,
    );
  });
});
