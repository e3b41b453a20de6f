import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, pairDevice, startTestHub, type TestClient, type TestHub } from './helpers.ts';

/**
 * Group commit: commands of one event-loop turn share one transaction. When the disk refuses it, nothing of
 * the batch may count as done: every command is answered with an error, the state goes back, and the
 * numbers it would have used are issued again.
 */
describe('a failed commit', () => {
  let hub: TestHub;
  let kiosks: TestClient[];
  beforeAll(async () => {
    hub = await startTestHub();
    kiosks = [];
    for (let i = 0; i < 3; i++) kiosks.push(await connect(hub.url, (await pairDevice(hub, 'kiosk')).token));
  });
  afterAll(async () => {
    for (const k of kiosks ?? []) k.close();
    await hub?.stop();
  });

  const issue = (k: TestClient) => k.send({ type: 'ticket.issue', services: ['ausweis'], language: 'de' });

  it('acknowledges nothing of the batch, and the numbers are issued again once the disk works', async () => {
    const first = await issue(kiosks[0]!);
    expect(first).toMatchObject({ ok: true, result: { number: 'A001' } });
    const seq = hub.engine.seq;

    // The disk "fills up": every write to the event log fails from now on.
    hub.stores.db.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const failed = await Promise.all(kiosks.map(issue));
    for (const reply of failed) expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(hub.engine.seq).toBe(seq);
    expect([...hub.engine.state.tickets.values()].map((t) => t.number)).toEqual(['A001']);

    hub.stores.db.exec('DROP TRIGGER disk_full');
    const again = await issue(kiosks[1]!);
    expect(again).toMatchObject({ ok: true, seq: seq + 1, result: { number: 'A002', ahead: 1 } });
  });

  it('lets a client retry a command that failed, with the same id, and then it counts once', async () => {
    hub.stores.db.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const command = {
      id: 'retry-after-disk-full-1',
      type: 'ticket.issue',
      services: ['ausweis'],
      language: 'de',
    };
    expect(await kiosks[2]!.send(command)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    hub.stores.db.exec('DROP TRIGGER disk_full');
    const retried = await kiosks[2]!.send(command);
    expect(retried).toMatchObject({ ok: true, result: { number: 'A003' } });
    expect(await kiosks[2]!.send(command)).toEqual(retried);
  });
});
