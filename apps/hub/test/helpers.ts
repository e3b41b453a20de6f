import type { OfficeConfigInput, Reply, RoleView, StoredEvent, PushOf, DeviceRole } from '@bb/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { io as ioClient, type Socket } from 'socket.io-client';
import { hashPin } from '../src/auth/pin.ts';
import { parseOfficeConfig } from '../src/config/loadConfig.ts';
import { startHub, type Hub, type HubOptions } from '../src/hub.ts';
import { silentLogger } from '../src/log.ts';

/** Test code reads response bodies dynamically; one loose type keeps the assertions readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const PIN = '1234';
let pinHashCache: Promise<string> | undefined;
/** One scrypt hash shared by every test clerk (hashing is deliberately slow). */
export const testPinHash = () => (pinHashCache ??= hashPin(PIN));

/** Monday 23 Nov 2026, 08:00 in Berlin (UTC+1). */
export const MONDAY_0800 = Date.parse('2026-11-23T08:00:00+01:00');
export const MINUTE = 60_000;

export class Clock {
  constructor(public t: number) {}
  now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export async function testConfig(
  options: { counters?: number; clerks?: number; patch?: (c: OfficeConfigInput) => void } = {},
) {
  const pinHash = await testPinHash();
  const counters = options.counters ?? 4;
  const clerks = options.clerks ?? counters;
  const hours = [{ from: '08:00', to: '18:00' }];
  const input: OfficeConfigInput = {
    office: { id: 'test-office', name: 'Bürgerbüro Test', timeZone: 'Europe/Berlin' },
    languages: ['de', 'en', 'tr'],
    services: [
      {
        id: 'ausweis',
        prefix: 'A',
        name: { de: 'Personalausweis', en: 'ID card' },
        averageMinutes: 15,
        dailyQuota: 50,
      },
      { id: 'meldung', prefix: 'M', name: { de: 'Anmeldung' }, averageMinutes: 10 },
      { id: 'fund', prefix: 'F', name: { de: 'Fundsachen' }, averageMinutes: 5, dailyQuota: 2 },
    ],
    counters: Array.from({ length: counters }, (_, i) => ({ id: `platz-${i + 1}`, label: `Platz ${i + 1}` })),
    clerks: Array.from({ length: clerks }, (_, i) => ({
      id: `clerk-${i + 1}`,
      name: `Clerk Nummer ${i + 1}`,
      pinHash,
    })),
    openingHours: { weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } },
  };
  options.patch?.(input);
  return parseOfficeConfig(input);
}

export interface TestHub extends Hub {
  dataDir: string;
  clock: Clock;
  adminToken: string;
  stop(): Promise<void>;
}

/** A real hub on a free loopback port with a real SQLite file in a temp folder; admin already paired. */
export async function startTestHub(
  options: Partial<HubOptions> & { clock?: Clock; dataDir?: string } = {},
): Promise<TestHub> {
  const clock = options.clock ?? new Clock(MONDAY_0800);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bb-hub-'));
  const hub = await startHub({
    config: options.config ?? (await testConfig()),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    now: clock.now,
    log: silentLogger(),
    ...options,
  });
  let adminToken = '';
  if (hub.bootstrapCode) adminToken = (await pairWithCode(hub.url, hub.bootstrapCode, 'Admin-PC')).token;
  return {
    ...hub,
    dataDir,
    clock,
    adminToken,
    stop: async () => {
      await hub.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function http(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) {
    body = init.raw;
    headers['content-type'] = init.contentType ?? 'application/json';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url + path, {
    method: init.method ?? (body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Json, text };
}

export async function pairWithCode(url: string, code: string, name = 'device') {
  const res = await http(url, '/api/pair', { body: { code, name } });
  if (res.status !== 200) throw new Error(`pairing failed: ${res.text}`);
  return res.json as { token: string; device: { deviceId: string; role: DeviceRole; counterId?: string } };
}

export const newId = () => randomUUID();

/** Sends a command over HTTP as the admin. */
export async function adminCommand(hub: TestHub, command: Record<string, unknown>): Promise<Reply> {
  const res = await http(hub.url, '/api/commands', {
    token: hub.adminToken,
    body: { id: newId(), ...command },
  });
  return res.json as Reply;
}

export async function pairDevice(
  hub: TestHub,
  role: DeviceRole,
  counterId?: string,
  name = `${role} ${counterId ?? ''}`,
) {
  const reply = await adminCommand(hub, {
    type: 'device.createPairingCode',
    role,
    name,
    ...(counterId ? { counterId } : {}),
  });
  if (!reply.ok) throw new Error(`createPairingCode: ${JSON.stringify(reply)}`);
  return pairWithCode(hub.url, (reply.result as { code: string }).code, name);
}

/** A socket.io client as a screen uses it: collects the pushes, sends commands with ack. */
export class TestClient {
  readonly socket: Socket;
  views: PushOf<'view'>[] = [];
  hello: PushOf<'hello'> | undefined;
  events: StoredEvent[] = [];
  revoked = false;

  constructor(url: string, token: string, lastSeq?: number) {
    this.socket = ioClient(url, {
      auth: (cb) =>
        cb({
          token,
          ...(this.lastSeq() !== undefined
            ? { lastSeq: this.lastSeq() }
            : lastSeq !== undefined
              ? { lastSeq }
              : {}),
        }),
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    });
    this.socket.on('view', (v: PushOf<'view'>) => this.views.push(v));
    this.socket.on('hello', (h: PushOf<'hello'>) => (this.hello = h));
    this.socket.on('events', (e: PushOf<'events'>) => this.events.push(...e.events));
    this.socket.on('revoked', () => (this.revoked = true));
  }

  private lastSeq(): number | undefined {
    return this.views.at(-1)?.seq;
  }

  get view(): RoleView | undefined {
    return this.views.at(-1)?.view;
  }

  viewAs<R extends RoleView['role']>(role: R): Extract<RoleView, { role: R }> {
    const v = this.view;
    if (!v || v.role !== role) throw new Error(`no ${role} view (have ${v?.role})`);
    return v as Extract<RoleView, { role: R }>;
  }

  async ready(): Promise<this> {
    await waitFor(() => this.views.length > 0, 5000, 'first view');
    return this;
  }

  send(command: Record<string, unknown>, timeoutMs = 5000): Promise<Reply> {
    return this.socket
      .timeout(timeoutMs)
      .emitWithAck('command', { id: newId(), ...command }) as Promise<Reply>;
  }

  close(): void {
    this.socket.close();
  }
}

export async function connect(url: string, token: string, lastSeq?: number): Promise<TestClient> {
  return new TestClient(url, token, lastSeq).ready();
}

export async function waitFor(pred: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Pairs a counter device, connects it and logs a clerk in there. */
export async function staffCounter(
  hub: TestHub,
  counterId: string,
  clerkId: string,
  services: string[] = [],
) {
  const { token } = await pairDevice(hub, 'counter', counterId);
  const client = await connect(hub.url, token);
  const reply = await client.send({ type: 'clerk.login', counterId, clerkId, pin: PIN, services });
  if (!reply.ok) throw new Error(`login failed: ${JSON.stringify(reply)}`);
  return client;
}
