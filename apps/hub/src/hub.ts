import type { OfficeConfig } from '@bb/protocol';
import type { AddressInfo } from 'node:net';
import { Engine, type RateLimits } from './engine/engine.ts';
import { closeDayIfDue } from './jobs/dayClose.ts';
import { runRetention } from './jobs/retention.ts';
import { createLogger, type Logger } from './log.ts';
import { openDb } from './store/db.ts';
import { createStores, type Stores } from './store/stores.ts';
import { createHttpServer } from './transport/http.ts';
import { attachSocketHandlers, createSocketServer, disconnectDevice } from './transport/socket.ts';
import { ViewPublisher } from './transport/views.ts';

export interface HubOptions {
  config: OfficeConfig;
  dataDir: string;
  port?: number;
  host?: string;
  /** The hub's only clock. Injected so tests can drive a whole day; nothing below reads Date.now(). */
  now?: () => number;
  log?: Logger;
  rateLimits?: Partial<RateLimits>;
  /** How often day close, retention and time-dependent views are checked. */
  jobIntervalMs?: number;
  pairingCodeTtlMs?: number;
  /** Snapshot of the state every so many events (tests make it small). */
  snapshotEveryEvents?: number;
}

export interface Hub {
  url: string;
  port: number;
  engine: Engine;
  stores: Stores;
  /** The admin pairing code printed at first start (while no device is paired). */
  bootstrapCode?: string;
  /** Runs the periodic jobs now (tests call it after moving the clock). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

const JOB_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const BOOTSTRAP_CODE_TTL_MS = DAY_MS;

export async function startHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? (() => Date.now());
  const log = options.log ?? createLogger();
  const db = openDb(options.dataDir);
  const stores = createStores(db);
  const engine = new Engine({
    config: options.config,
    stores,
    now,
    log,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.pairingCodeTtlMs ? { pairingCodeTtlMs: options.pairingCodeTtlMs } : {}),
    ...(options.snapshotEveryEvents ? { snapshotEveryEvents: options.snapshotEveryEvents } : {}),
  });

  const app = createHttpServer({ engine, stores, log, now, startedAt: performance.now() });
  const io = createSocketServer(app.server);
  const views = new ViewPublisher(io, engine, stores.personal, now);
  attachSocketHandlers({ io, engine, stores, views, log });
  engine.hooks = {
    applied: (stored) => {
      views.publish();
      io.to('admin').emit('events', { events: stored });
    },
    deviceRevoked: (deviceId) => disconnectDevice(io, deviceId),
  };

  let lastRetention = -Infinity;
  const tick = async () => {
    try {
      const closed = await closeDayIfDue(engine, now());
      if (closed && !closed.ok) log.warn({ error: closed.error.code }, 'automatic day close refused');
      else if (closed) log.info({ seq: engine.seq }, 'business day closed');
      if (now() - lastRetention >= DAY_MS) {
        const removed = runRetention(stores, engine.config.rules.retentionDays, now());
        lastRetention = now();
        log.info({ removed }, 'retention run');
      }
      views.publishNow(); // opening and closing change views without any command
    } catch (err) {
      log.error({ err }, 'periodic job failed');
    }
  };
  await tick();

  let bootstrapCode: string | undefined;
  if (stores.devices.countActive() === 0) {
    const created = stores.devices.createPairingCode({
      role: 'admin',
      name: 'Admin',
      now: now(),
      ttlMs: BOOTSTRAP_CODE_TTL_MS,
    });
    bootstrapCode = created.code;
    // Printed on purpose: the one secret city IT needs to pair the first admin device.
    log.warn(
      { pairingCode: created.code, expiresAt: new Date(created.expiresAt).toISOString() },
      `no device is paired yet: pair the first admin device with code ${created.code} (POST /api/pair)`,
    );
  }

  await app.listen({ port: options.port ?? 8080, host: options.host ?? '0.0.0.0' });
  const port = (app.server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const timer = setInterval(() => void tick(), options.jobIntervalMs ?? JOB_INTERVAL_MS);
  log.info({ url, officeId: engine.config.office.id, seq: engine.seq }, 'hub listening');

  let closed = false;
  return {
    url,
    port,
    engine,
    stores,
    ...(bootstrapCode ? { bootstrapCode } : {}),
    tick,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      views.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close().catch(() => {});
      db.close();
    },
  };
}
