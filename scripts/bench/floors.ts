import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { percentile } from './stats.ts';

const here = new URL('.', import.meta.url).pathname;

/** Time from one client's emit until each of `displays` clients received the relay, in ms. */
export async function broadcastFloor(
  displays: number,
  calls: number,
  spacingMs: number,
): Promise<{ p50: number; p99: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'broadcastServer.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (d) => resolve(Number(String(d)))),
  );
  const url = `http://127.0.0.1:${port}`;
  const connect = () =>
    new Promise<Socket>((resolve) => {
      const s = io(url, { transports: ['websocket'] });
      s.once('connect', () => resolve(s));
    });
  const sender = await connect();
  const receivers = await Promise.all(Array.from({ length: displays }, connect));
  await Promise.all(receivers.map((r) => new Promise<void>((ok) => r.emit('join', 'displays', ok))));
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    const spaced = new Promise((r) => setTimeout(r, spacingMs));
    await Promise.all([
      ...receivers.map(
        (r) =>
          new Promise<void>((ok) =>
            r.once('call', () => {
              latencies.push(performance.now() - started);
              ok();
            }),
          ),
      ),
      new Promise<void>((ok) => sender.emit('call', { n: i, number: 'A017', counter: 'Platz 4' }, ok)),
    ]);
    await spaced;
  }
  for (const s of [sender, ...receivers]) s.close();
  child.kill();
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Single-row durable inserts, each its own transaction, with the hub's pragmas (WAL, synchronous=FULL). */
export function insertFloor(rows: number): { perSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL)',
  );
  const insert = db.prepare('INSERT INTO events (at, type, payload) VALUES (?, ?, ?)');
  const payload = JSON.stringify({ ticketId: '2026-11-23-A017-17', services: ['pa'], language: 'de' });
  const started = performance.now();
  for (let i = 0; i < rows; i++) insert.run(Date.now(), 'TicketIssued', payload);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { perSecond: rows / seconds };
}
