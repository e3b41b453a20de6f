import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply } from '@bb/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient, http, pairWithCode, testConfig, waitFor } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'apps/hub/src/main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts apps/hub/src/main.ts as `npm start` does; resolves once it listens (with its first-start code). */
async function spawnHub(env: Record<string, string>): Promise<{ child: ChildProcess; pairingCode?: string }> {
  // `node --import tsx` rather than the tsx CLI: one process, so SIGKILL hits the hub itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pairingCode: string | undefined;
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      stderr += String(chunk);
      buffer += String(chunk);
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        try {
          const entry = JSON.parse(line) as { msg?: string; pairingCode?: string };
          if (entry.pairingCode) pairingCode = entry.pairingCode;
          if (entry.msg === 'hub listening') resolve();
        } catch {
          /* not a log line */
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${stderr}`)));
  });
  return { child, ...(pairingCode ? { pairingCode } : {}) };
}

type Sent = { command: Record<string, unknown>; reply?: Reply };

/**
 * The hub is killed (SIGKILL, no goodbye) while kiosks stream tickets, then started again on the same files.
 * Everything it acknowledged must still be there; retried commands act at most once; clients resync alone.
 */
describe('crash and restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-crash-'));
  const children: ChildProcess[] = [];
  const clients: TestClient[] = [];
  afterAll(() => {
    for (const c of clients) c.close();
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged and issues no number twice', async () => {
    const config = await testConfig({
      patch: (c) => {
        const allDay = [{ from: '00:00', to: '24:00' }];
        c.openingHours = {
          weekly: {
            mon: allDay,
            tue: allDay,
            wed: allDay,
            thu: allDay,
            fri: allDay,
            sat: allDay,
            sun: allDay,
          },
        };
        c.services = c.services.map((s) => ({ ...s, dailyQuota: undefined }));
      },
    });
    const configFile = join(dataDir, 'office.json');
    writeFileSync(configFile, JSON.stringify(config));
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, OFFICE_CONFIG: configFile };
    const url = `http://127.0.0.1:${port}`;

    const first = await spawnHub(env);
    children.push(first.child);
    expect(first.pairingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const admin = await pairWithCode(url, first.pairingCode!);
    const kioskTokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const code = await http(url, '/api/commands', {
        token: admin.token,
        body: { id: randomUUID(), type: 'device.createPairingCode', role: 'kiosk', name: `Kiosk ${i}` },
      });
      kioskTokens.push((await pairWithCode(url, code.json.result.code)).token);
    }
    // Three kiosks and the admin desk stream tickets as fast as the hub answers.
    const streams = [...kioskTokens, admin.token].map((t) => new TestClient(url, t));
    clients.push(...streams);
    await Promise.all(streams.map((c) => c.ready()));

    const sent: Sent[] = [];
    let streaming = true;
    const loops = streams.map(async (client, k) => {
      while (streaming) {
        const command = {
          id: randomUUID(),
          type: 'ticket.issue',
          services: [k % 2 ? 'meldung' : 'ausweis'],
          language: 'de',
        };
        const entry: Sent = { command };
        sent.push(entry);
        try {
          entry.reply = await client.send(command, 1000);
        } catch {
          await new Promise((r) => setTimeout(r, 50)); // no answer: the hub is gone
        }
        if (k < 3) await new Promise((r) => setTimeout(r, 25)); // stay under the kiosk flood limit
      }
    });
    await waitFor(() => sent.filter((s) => s.reply?.ok).length >= 40, 15_000, 'acknowledged tickets');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    await new Promise((r) => setTimeout(r, 300));
    streaming = false;
    await Promise.all(loops);

    const acked = sent.filter((s) => s.reply?.ok);
    const unanswered = sent.filter((s) => !s.reply);
    expect(acked.length).toBeGreaterThanOrEqual(40);
    expect(unanswered.length).toBeGreaterThan(0); // the kill did land mid-stream

    const second = await spawnHub(env);
    children.push(second.child);
    expect(second.pairingCode).toBeUndefined(); // devices are paired: no new bootstrap code
    const health = (await http(url, '/api/health')).json as { seq: number };

    // Every client reconnected on its own and caught up to the new hub's sequence number.
    await waitFor(
      () => streams.every((c) => c.socket.connected && (c.views.at(-1)?.seq ?? -1) >= health.seq),
      15_000,
      'resync',
    );

    const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true });
    const issued = (
      db
        .prepare("SELECT payload FROM events WHERE type = 'TicketIssued' ORDER BY seq")
        .pluck()
        .all() as string[]
    ).map((p) => JSON.parse(p) as { ticketId: string; number: string });
    const numbers = issued.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length); // no number issued twice
    const byId = new Map(issued.map((t) => [t.ticketId, t.number]));
    for (const s of acked) {
      const r = s.reply as { result: { ticketId: string; number: string } };
      expect(byId.get(r.result.ticketId)).toBe(r.result.number); // every acknowledged ticket survived
    }

    // Retried commands: acknowledged ones answer the same, unanswered ones act at most once.
    const retry = streams[3]!; // admin device: may send any command, no kiosk flood limit in the way
    for (const s of acked.slice(0, 10)) expect(await retry.send(s.command)).toEqual(s.reply);
    const before = issued.length;
    const retried = await Promise.all(unanswered.map((s) => retry.send(s.command)));
    const retriedAgain = await Promise.all(unanswered.map((s) => retry.send(s.command)));
    expect(retriedAgain).toEqual(retried);
    const after = db
      .prepare("SELECT COUNT(*) FROM events WHERE type = 'TicketIssued'")
      .pluck()
      .get() as number;
    expect(after - before).toBeLessThanOrEqual(unanswered.length);
    const okCommands = db
      .prepare("SELECT COUNT(*) FROM commands WHERE type = 'ticket.issue' AND reply LIKE '{\"ok\":true%'")
      .pluck()
      .get() as number;
    expect(okCommands).toBe(after); // one ticket per successful command id, never two
    db.close();
  }, 60_000);
});
