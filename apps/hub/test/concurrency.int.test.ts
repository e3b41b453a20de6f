import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  pairDevice,
  staffCounter,
  startTestHub,
  testConfig,
  type TestClient,
  type TestHub,
} from './helpers.ts';

const COUNTERS = 30;
const ROUNDS = 20;
const TICKETS_PER_ROUND = 24; // fewer than counters, so every round some desks find the queue empty

/** 30 desks press "call next" at the same moment, round after round. */
describe('concurrent calls', () => {
  let hub: TestHub;
  let kiosk: TestClient;
  const counters: TestClient[] = [];
  beforeAll(async () => {
    hub = await startTestHub({
      config: await testConfig({ counters: COUNTERS }),
      rateLimits: { kiosk: 10_000, counter: 10_000 }, // the flood limit is tested elsewhere
    });
    kiosk = await connect(hub.url, (await pairDevice(hub, 'kiosk')).token);
    for (let i = 1; i <= COUNTERS; i++) counters.push(await staffCounter(hub, `platz-${i}`, `clerk-${i}`));
  }, 60_000);
  afterAll(async () => {
    for (const c of [kiosk, ...counters]) c?.close();
    await hub?.stop();
  });

  it('never gives one ticket to two counters, and no counter holds two', async () => {
    const calledBy = new Map<string, string>();
    let served = 0;
    let issued = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < TICKETS_PER_ROUND; i++) {
        const r = await kiosk.send({
          type: 'ticket.issue',
          services: [i % 2 ? 'meldung' : 'ausweis'],
          language: 'de',
        });
        if (r.ok) issued++;
        else if (r.error.code !== 'QUOTA_EXHAUSTED') throw new Error(JSON.stringify(r));
      }
      const replies = await Promise.all(
        counters.map((c, i) => c.send({ type: 'counter.callNext', counterId: `platz-${i + 1}` })),
      );
      replies.forEach((r, i) => {
        if (!r.ok) {
          expect(r.error.code).toBe('QUEUE_EMPTY');
          return;
        }
        const ticketId = (r.result as { ticketId: string }).ticketId;
        expect(calledBy.get(ticketId), `ticket ${ticketId} called twice`).toBeUndefined();
        calledBy.set(ticketId, `platz-${i + 1}`);
      });
      // Each desk holds at most one ticket: a second call while holding one is refused.
      const again = await Promise.all(
        counters.map((c, i) => c.send({ type: 'counter.callNext', counterId: `platz-${i + 1}` })),
      );
      replies.forEach((r, i) => {
        if (r.ok) expect(again[i]).toMatchObject({ ok: false, error: { code: 'COUNTER_BUSY' } });
      });
      const held = [...hub.engine.state.tickets.values()].filter((t) => t.status === 'called');
      expect(new Set(held.map((t) => t.counterId)).size).toBe(held.length);
      // Finish everything called this round, all desks at once.
      await Promise.all(
        replies.map(async (r, i) => {
          if (!r.ok) return;
          const { ticketId } = r.result as { ticketId: string };
          const counterId = `platz-${i + 1}`;
          expect(await counters[i]!.send({ type: 'ticket.start', counterId, ticketId })).toMatchObject({
            ok: true,
          });
          const svc = hub.engine.state.tickets.get(ticketId)!.services;
          expect(
            await counters[i]!.send({ type: 'ticket.finish', counterId, ticketId, handledServices: svc }),
          ).toMatchObject({ ok: true });
          served++;
        }),
      );
    }
    const calls = hub.stores.events.after(0).filter((e) => e.type === 'TicketCalled');
    expect(calls).toHaveLength(calledBy.size);
    expect(new Set(calls.map((e) => e.ticketId)).size).toBe(calls.length);
    expect(served).toBe(calledBy.size);
    // Fewer tickets than desks each round: every issued ticket was called and served exactly once.
    expect(served).toBe(issued);
    expect(issued).toBeGreaterThan(250);
  }, 120_000);
});
