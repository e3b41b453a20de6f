import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PushOf } from '@bb/protocol';
import type { Socket } from 'socket.io-client';
import { benchOffice, BENCH_PIN } from './benchOffice.ts';
import { connect, pair, pairDevice, post, send } from './devices.ts';
import { startHubProcess } from './hubProcess.ts';
import { percentile } from './stats.ts';

/** Calls are spaced like a busy office's, and so that no counter trips the hub's flood limit. */
export const CALL_SPACING_MS = 25;

/**
 * Time from a counter pressing "call next" until each hall display has the call, with `counters` counter
 * panels, `displays` displays and `kiosks` kiosks connected to a real hub process.
 */
export async function hubLatency(counters: number, displays: number, kiosks: number, calls: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-latency-'));
  // Without the flood limit only so the set-up can issue hundreds of tickets at once; calls are paced anyway.
  const hub = await startHubProcess(dataDir, await benchOffice(counters), 'scripts/bench/unlimitedHub.ts');
  try {
    const admin = await pair(hub.url, hub.bootstrapCode!, 'bench admin');
    const counterSockets: Socket[] = [];
    for (let i = 1; i <= counters; i++)
      counterSockets.push(
        await connect(hub.url, await pairDevice(hub.url, admin, 'counter', `Platz ${i}`, `c${i}`)),
      );
    const displaySockets: Socket[] = [];
    for (let i = 1; i <= displays; i++)
      displaySockets.push(
        await connect(hub.url, await pairDevice(hub.url, admin, 'display', `Anzeige ${i}`)),
      );
    for (let i = 1; i <= kiosks; i++)
      await connect(hub.url, await pairDevice(hub.url, admin, 'kiosk', `Kiosk ${i}`));
    for (const [i, s] of counterSockets.entries()) {
      const r = await send(s, {
        type: 'clerk.login',
        counterId: `c${i + 1}`,
        clerkId: `k${i + 1}`,
        pin: BENCH_PIN,
        services: [],
      });
      if (!r.ok) throw new Error(`login failed: ${r.error.message}`);
    }
    for (let i = 0; i < calls; i++) {
      const r = await post(hub.url, admin, {
        type: 'ticket.issue',
        services: [i % 2 ? 'pa' : 'um'],
        language: 'de',
      });
      if (!r.ok) throw new Error(`issue failed: ${r.error.message}`);
    }
    const latencies: number[] = [];
    const seen = displaySockets.map(() => new Set<string>());
    const held: ({ ticketId: string } | undefined)[] = counterSockets.map(() => undefined);
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      const k = i % counters;
      const counter = counterSockets[k]!;
      const mine = held[k];
      if (mine) {
        await send(counter, { type: 'ticket.start', ticketId: mine.ticketId, counterId: `c${k + 1}` });
        await send(counter, {
          type: 'ticket.finish',
          ticketId: mine.ticketId,
          counterId: `c${k + 1}`,
          handledServices: ['pa'],
        });
      }
      const sent = performance.now();
      const arrived = displaySockets.map(
        (d, j) =>
          new Promise<void>((resolve) => {
            const onView = ({ view }: PushOf<'view'>) => {
              const call = view.role === 'display' ? view.calls[0] : undefined;
              if (!call || seen[j]!.has(call.callId)) return;
              seen[j]!.add(call.callId);
              latencies.push(performance.now() - sent);
              d.off('view', onView);
              resolve();
            };
            d.on('view', onView);
          }),
      );
      const reply = await send(counter, { type: 'counter.callNext', counterId: `c${k + 1}` });
      if (!reply.ok) throw new Error(`call failed: ${reply.error.message}`);
      held[k] = reply.result as { ticketId: string };
      await Promise.all(arrived);
      const wait = CALL_SPACING_MS - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), samples: latencies.length };
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
