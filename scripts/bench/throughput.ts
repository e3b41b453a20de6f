import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OfficeConfig } from '@bb/protocol';
import type { Socket } from 'socket.io-client';
import { startHub } from '../../apps/hub/src/hub.ts';
import { createLogger } from '../../apps/hub/src/log.ts';
import { benchOffice, BENCH_PIN } from './benchOffice.ts';
import { connect, pair, pairDevice, send } from './devices.ts';

const UNLIMITED = 1_000_000_000;
const EMPTY_QUEUE_PAUSE_MS = 2;

/**
 * Durable commands per second under an office's mix: `kiosks` kiosks issue tickets as fast as they are
 * acknowledged while 30 clerks call, start and finish them, and 10 displays get every view. Only accepted
 * commands count; each acknowledgement means committed to disk.
 */
export async function hubThroughput(kiosks: number, commands: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
  const config = OfficeConfig.parse(await benchOffice(30));
  const hub = await startHub({
    config,
    dataDir,
    port: 0,
    host: '127.0.0.1',
    log: createLogger({ level: 'error' }),
    // The flood limit protects against faulty kiosks; here we want the hub's own ceiling.
    rateLimits: { kiosk: UNLIMITED, display: UNLIMITED, counter: UNLIMITED, admin: UNLIMITED },
  });
  try {
    const admin = await pair(hub.url, hub.bootstrapCode!, 'bench admin');
    const counters: Socket[] = [];
    for (let i = 1; i <= 30; i++) {
      const s = await connect(hub.url, await pairDevice(hub.url, admin, 'counter', `Platz ${i}`, `c${i}`));
      await send(s, { type: 'clerk.login', counterId: `c${i}`, clerkId: `k${i}`, pin: BENCH_PIN, services: [] });
      counters.push(s);
    }
    for (let i = 1; i <= 10; i++) await connect(hub.url, await pairDevice(hub.url, admin, 'display', `Anzeige ${i}`));
    const kioskSockets: Socket[] = [];
    for (let i = 1; i <= kiosks; i++)
      kioskSockets.push(await connect(hub.url, await pairDevice(hub.url, admin, 'kiosk', `Kiosk ${i}`)));

    let accepted = 0;
    const done = () => accepted >= commands;
    const count = (ok: boolean) => ok && accepted++;
    const started = performance.now();
    const kiosk = async (k: Socket) => {
      while (!done()) count((await send(k, { type: 'ticket.issue', services: ['pa'], language: 'de' })).ok);
    };
    const clerk = async (s: Socket, i: number) => {
      const counterId = `c${i + 1}`;
      while (!done()) {
        const called = await send(s, { type: 'counter.callNext', counterId });
        if (!called.ok) {
          await new Promise((r) => setTimeout(r, EMPTY_QUEUE_PAUSE_MS));
          continue;
        }
        count(true);
        const { ticketId } = called.result as { ticketId: string };
        count((await send(s, { type: 'ticket.start', ticketId, counterId })).ok);
        count((await send(s, { type: 'ticket.finish', ticketId, counterId, handledServices: ['pa'] })).ok);
      }
    };
    await Promise.all([...kioskSockets.map(kiosk), ...counters.map(clerk)]);
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: accepted / seconds, ticketsAtEnd: hub.engine.state.tickets.size };
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
