import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter, type FakePrinterMode } from './fake-printer.ts';
import { sampleTicket } from './samples.ts';
import { texts } from './test-helpers.ts';
import { TicketPrinter } from './ticket-printer.ts';
import type { PrinterModel, PrinterStatus } from './types.ts';

let fake: FakePrinter;
afterEach(() => fake?.stop());

/** Long enough that a busy CI machine never trips it on a healthy printer (which answers at once). */
const HEALTHY_TIMEOUT_MS = 5000;
/** Short where the test waits for a printer that stays silent. */
const SILENT_TIMEOUT_MS = 300;

async function setup(
  mode: FakePrinterMode = 'healthy',
  model: PrinterModel = 'epson',
  journalPath?: string,
  timeoutMs = mode === 'silent' ? SILENT_TIMEOUT_MS : HEALTHY_TIMEOUT_MS,
) {
  fake = await FakePrinter.start({ mode, model });
  return new TicketPrinter({ target: fake.url, model, timeoutMs, journalPath });
}

describe.each(['epson', 'star'] as const)('printer problems on %s', (model) => {
  it('refuses with paperOut when the printer is out of paper, and sends nothing', async () => {
    const printer = await setup('paperOut', model);
    const result = await printer.print(sampleTicket());
    expect(result).toMatchObject({ ok: false, reason: 'paperOut', status: { paperOut: true } });
    expect(fake.jobs).toHaveLength(0);
  });

  it('refuses with coverOpen when the cover is open', async () => {
    const printer = await setup('coverOpen', model);
    expect(await printer.print(sampleTicket())).toMatchObject({ ok: false, reason: 'coverOpen' });
    expect(fake.jobs).toHaveLength(0);
  });

  it('still prints when paper is nearly out, and says so', async () => {
    const printer = await setup('paperNearEnd', model);
    const result = await printer.print(sampleTicket());
    expect(result).toMatchObject({ ok: true, statusAfter: { paperNearEnd: true, paperOut: false } });
    expect(texts(fake.decoded())).toContain('A017');
  });

  it('times out quickly with a clear reason when the printer never answers', async () => {
    const printer = await setup('silent', model);
    const started = Date.now();
    const result = await printer.print(sampleTicket());
    expect(result).toMatchObject({
      ok: false,
      reason: 'timeout',
      message: expect.stringContaining('did not answer'),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.jobs).toHaveLength(0);
  });
});

it('reports offline when nothing listens at the address', async () => {
  const printer = await setup();
  await fake.stop();
  expect(await printer.print(sampleTicket())).toMatchObject({ ok: false, reason: 'offline' });
});

describe('one ticket, one paper', () => {
  it('prints a retried job once and returns the first result', async () => {
    const printer = await setup();
    const first = await printer.print(sampleTicket());
    const retry = await printer.print(sampleTicket());
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
    expect(fake.jobs).toHaveLength(1);
  });

  it('prints once when two calls for the same ticket race', async () => {
    const printer = await setup();
    const [a, b] = await Promise.all([printer.print(sampleTicket()), printer.print(sampleTicket())]);
    expect(a).toEqual(b);
    expect(fake.jobs).toHaveLength(1);
  });

  it('remembers printed tickets across a restart through the journal file', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'bb-print-')), 'printed.jsonl');
    const first = await (await setup('healthy', 'epson', journal)).print(sampleTicket());
    const restarted = new TicketPrinter({ target: fake.url, journalPath: journal });
    expect(await restarted.print(sampleTicket())).toEqual(first);
    expect(fake.jobs).toHaveLength(1);
  });

  it('prints a failed job when it is retried after the problem is fixed', async () => {
    const printer = await setup('paperOut');
    expect(await printer.print(sampleTicket())).toMatchObject({ ok: false, reason: 'paperOut' });
    fake.mode = 'healthy';
    expect(await printer.print(sampleTicket())).toMatchObject({ ok: true, copy: false });
    expect(fake.jobs).toHaveLength(1);
  });

  it('prints a marked copy on an explicit reprint', async () => {
    const printer = await setup();
    await printer.print(sampleTicket());
    expect(await printer.reprint(sampleTicket())).toMatchObject({ ok: true, copy: true });
    expect(fake.jobs).toHaveLength(2);
    expect(texts(fake.decoded(0))).not.toContain('Zweitschrift');
    expect(texts(fake.decoded(1))).toEqual(expect.arrayContaining(['Zweitschrift', 'A017']));
    expect(await printer.print(sampleTicket())).toMatchObject({ copy: false });
    expect(fake.jobs).toHaveLength(2);
  });

  it('prints two different tickets one after the other, never interleaved', async () => {
    const printer = await setup();
    await Promise.all([
      printer.print(sampleTicket()),
      printer.print(sampleTicket({ ticketId: 'other', number: 'A018' })),
    ]);
    expect(fake.jobs.map((_, i) => texts(fake.decoded(i)).filter((t) => /^A01\d$/.test(t)))).toEqual([
      ['A017'],
      ['A018'],
    ]);
  });
});

describe('status reports', () => {
  it('tells listeners when the status changes, and only then', async () => {
    const printer = await setup();
    const seen: PrinterStatus[] = [];
    const unsubscribe = printer.onStatus((status) => seen.push(status));
    await printer.print(sampleTicket({ ticketId: 's1' }));
    await printer.print(sampleTicket({ ticketId: 's2' }));
    fake.mode = 'paperNearEnd';
    await printer.status();
    fake.mode = 'paperOut';
    await printer.print(sampleTicket({ ticketId: 's3' }));
    unsubscribe();
    fake.mode = 'healthy';
    await printer.status();
    expect(seen).toEqual([
      { online: true, coverOpen: false, paperNearEnd: false, paperOut: false },
      { online: true, coverOpen: false, paperNearEnd: true, paperOut: false },
      { online: false, coverOpen: false, paperNearEnd: true, paperOut: true },
    ]);
  });

  it('reports a printer that stopped answering as offline', async () => {
    const printer = await setup('healthy', 'epson', undefined, SILENT_TIMEOUT_MS);
    const seen: PrinterStatus[] = [];
    printer.onStatus((status) => seen.push(status));
    await printer.status();
    fake.mode = 'silent';
    await printer.status();
    expect(seen.map((s) => s.online)).toEqual([true, false]);
  });
});
