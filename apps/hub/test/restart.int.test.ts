import { serializeState } from '@bb/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Clock,
  MINUTE,
  MONDAY_0800,
  connect,
  pairDevice,
  staffCounter,
  startTestHub,
  testConfig,
} from './helpers.ts';

describe('restart from snapshot and log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('comes back with the same state, the same devices and the numbers going on', async () => {
    const config = await testConfig();
    const clock = new Clock(MONDAY_0800);
    const hub = await startTestHub({ config, dataDir, clock, snapshotEveryEvents: 7 });
    const kioskToken = (await pairDevice(hub, 'kiosk')).token;
    const kiosk = await connect(hub.url, kioskToken);
    const counter = await staffCounter(hub, 'platz-1', 'clerk-1');
    for (let i = 0; i < 10; i++)
      await kiosk.send({ type: 'ticket.issue', services: ['meldung'], language: 'de' });
    clock.advance(5 * MINUTE);
    await counter.send({ type: 'counter.callNext', counterId: 'platz-1' });
    const snapshots = hub.stores.db.prepare('SELECT COUNT(*) FROM snapshots').pluck().get() as number;
    expect(snapshots).toBeGreaterThan(0);
    const seq = hub.engine.seq;
    const state = serializeState(hub.engine.state);
    kiosk.close();
    counter.close();
    await hub.close();

    const again = await startTestHub({ config, dataDir, clock });
    expect(again.bootstrapCode).toBeUndefined();
    expect(again.engine.seq).toBe(seq);
    expect(serializeState(again.engine.state)).toBe(state);
    const k2 = await connect(again.url, kioskToken); // the old token still works
    const next = await k2.send({ type: 'ticket.issue', services: ['meldung'], language: 'de' });
    expect(next).toMatchObject({ ok: true, result: { number: 'M011' } });
    k2.close();
    await again.close();
  });
});
