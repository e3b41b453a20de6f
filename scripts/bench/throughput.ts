import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { benchOffice, BENCH_PIN } from './benchOffice.ts';
import { connect, pair, pairDevice, send } from './devices.ts';
import { startHubProcess } from './hubProcess.ts';
const EMPTY_QUEUE_PAUSE_MS = 2;
/** A busy office's queue; kiosks wait while it is this long, so the day stays the size of a real one. */
const QUEUE_BOUND = 60;
/** Commands a kiosk keeps in flight, so the hub's capacity is measured rather than one round trip. */
const KIOSK_WINDOW = 8;

/**
 * Durable commands per second under an office's mix: `kiosks` kiosks issue tickets as fast as they are
 * acknowledged (KIOSK_WINDOW at a time each, while fewer than QUEUE_BOUND wait) and 30 clerks call, start
 * and finish them, while 10 displays get every view. Only accepted commands count; each acknowledgement means committed to disk.
 */
export async function hubThroughput(kiosks: number, commands: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
  // Its own process, like in an office: the 44 clients' work does not share the hub's event loop.
  const hub = await startHubProcess(dataDir, await benchOffice(30), 'scripts/bench/unlimitedHub.ts');
  try {
    const admin = await pair(hub.url, hub.bootstrapCode!, 'bench admin');
    const counters: Socket[] = [];
    for (let i = 1; i <= 30; i++) {
      const s = await connect(hub.url, await pairDevice(hub.url, admin, 'counter', `Platz ${i}`, `c${i}`));
      await send(s, {
        type: 'clerk.login',
        counterId: `c${i}`,
        clerkId: `k${i}`,
        pin: BENCH_PIN,
        services: [],
      });
      counters.push(s);
    }
    for (let i = 1; i <= 10; i++)
      await connect(hub.url, await pairDevice(hub.url, admin, 'display', `Anzeige ${i}`));
    const kioskSockets: Socket[] = [];
    for (let i = 1; i <= kiosks; i++)
      kioskSockets.push(await connect(hub.url, await pairDevice(hub.url, admin, 'kiosk', `Kiosk ${i}`)));

    let accepted = 0;
    let waiting = 0;
    const done = () => accepted >= commands;
    const count = (ok: boolean) => ok && accepted++;
    const started = performance.now();
    const kiosk = async (k: Socket) => {
      await Promise.all(Array.from({ length: KIOSK_WINDOW }, () => kioskStream(k)));
    };
    const kioskStream = async (k: Socket) => {
      while (!done()) {
        if (waiting >= QUEUE_BOUND) {
          await new Promise((r) => setTimeout(r, EMPTY_QUEUE_PAUSE_MS));
          continue;
        }
        const issued = (await send(k, { type: 'ticket.issue', services: ['pa'], language: 'de' })).ok;
        if (issued) waiting++;
        count(issued);
      }
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
        waiting--;
        const { ticketId } = called.result as { ticketId: string };
        count((await send(s, { type: 'ticket.start', ticketId, counterId })).ok);
        count((await send(s, { type: 'ticket.finish', ticketId, counterId, handledServices: ['pa'] })).ok);
      }
    };
    await Promise.all([...kioskSockets.map(kiosk), ...counters.map(clerk)]);
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: accepted / seconds };
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
