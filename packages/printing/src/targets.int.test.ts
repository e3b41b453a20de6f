import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decoder.ts';
import { sampleTicket } from './samples.ts';
import { parseTarget } from './target.ts';
import { texts } from './test-helpers.ts';
import { TicketPrinter } from './ticket-printer.ts';

const dir = (): string => mkdtempSync(join(tmpdir(), 'bb-target-'));

describe('targets', () => {
  it('understands network, system queue and device file targets', () => {
    expect(parseTarget('tcp://10.0.0.7:9100')).toEqual({ kind: 'tcp', host: '10.0.0.7', port: 9100 });
    expect(parseTarget('tcp://kiosk-printer')).toEqual({ kind: 'tcp', host: 'kiosk-printer', port: 9100 });
    expect(parseTarget('printer:TM-T88')).toEqual({ kind: 'system', name: 'TM-T88' });
    expect(parseTarget('/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(() => parseTarget('lp0')).toThrow(/unknown printer target/);
  });

  it('prints to a device file (emulated by a fifo the "printer" reads from)', async () => {
    const fifo = join(dir(), 'lp0');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const result = await new TicketPrinter({ target: fifo, width: 58 }).print(sampleTicket());
    await closed;
    expect(result).toMatchObject({ ok: true });
    expect(texts(decodeEscPos(Buffer.concat(chunks)))).toEqual(
      expect.arrayContaining(['A017', 'Bürgerbüro Mitte']),
    );
  });

  it('fails with offline when the device does not exist, and never creates it', async () => {
    const missing = join(dir(), 'lp9');
    expect(await new TicketPrinter({ target: missing }).print(sampleTicket())).toMatchObject({
      ok: false,
      reason: 'offline',
    });
    expect(() => readFileSync(missing)).toThrow();
  });

  it('times out when nobody takes the bytes from the device', async () => {
    const fifo = join(dir(), 'lp0');
    execFileSync('mkfifo', [fifo]);
    const result = await new TicketPrinter({ target: fifo, timeoutMs: 200 }).print(sampleTicket());
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    createReadStream(fifo).resume(); // let the abandoned open() finish so the worker thread is freed
  });

  it('prints raw through a system queue command', async () => {
    const folder = dir();
    const lp = join(folder, 'lp');
    writeFileSync(lp, `#!/bin/sh\necho "$@" > "${folder}/args"\ncat > "${folder}/job"\n`);
    chmodSync(lp, 0o755);
    const result = await new TicketPrinter({ target: 'printer:Kiosk_TM', systemCommand: lp }).print(
      sampleTicket(),
    );
    expect(result).toMatchObject({ ok: true });
    expect(readFileSync(join(folder, 'args'), 'utf8').trim()).toBe('-d Kiosk_TM -o raw');
    expect(texts(decodeEscPos(readFileSync(join(folder, 'job'))))).toContain('A017');
  });

  it("reports the queue command's error", async () => {
    const folder = dir();
    const lp = join(folder, 'lp');
    writeFileSync(
      lp,
      '#!/bin/sh\ncat > /dev/null\necho "lp: The printer or class does not exist." >&2\nexit 1\n',
    );
    chmodSync(lp, 0o755);
    const result = await new TicketPrinter({ target: 'printer:Nope', systemCommand: lp }).print(
      sampleTicket(),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'error',
      message: expect.stringContaining('does not exist'),
    });
  });
});
