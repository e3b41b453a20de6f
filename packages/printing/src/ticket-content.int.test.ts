import type { Language } from '@bb/protocol';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePrinter } from './fake-printer.ts';
import { label } from './labels.ts';
import { columns } from './paper.ts';
import { arabicTicket, sampleTicket } from './samples.ts';
import { printedAsImage, texts } from './test-helpers.ts';
import { TicketPrinter } from './ticket-printer.ts';
import type { PaperWidth, PrinterModel, TicketPrintData } from './types.ts';

const fakes = new Map<PrinterModel, FakePrinter>();
beforeAll(async () => {
  for (const model of ['epson', 'star'] as const) fakes.set(model, await FakePrinter.start({ model }));
});
afterAll(async () => {
  for (const fake of fakes.values()) await fake.stop();
});

let id = 0;
async function printed(data: TicketPrintData, model: PrinterModel, width: PaperWidth) {
  const fake = fakes.get(model);
  if (!fake) throw new Error('no fake printer');
  const before = fake.jobs.length;
  const result = await new TicketPrinter({ target: fake.url, model, width }).print({
    ...data,
    ticketId: `content-${id++}`,
  });
  expect(result).toMatchObject({ ok: true });
  expect(fake.jobs).toHaveLength(before + 1);
  return fake.decoded();
}

describe.each([
  ['epson', 80, 8],
  ['epson', 58, 8],
  ['star', 80, 6],
  ['star', 58, 6],
] as const)('a German ticket on %s, %i mm', (model, width, numberSize) => {
  it('prints every field, legibly and within the paper width', async () => {
    const ticket = await printed(sampleTicket(), model, width);
    const lines = texts(ticket);
    expect(ticket.lines.find((l) => l.text === 'Bürgerbüro Mitte')).toMatchObject({
      size: 2,
      bold: true,
      align: 'center',
    });
    expect(lines).toContain('Ihre Wartenummer');
    expect(ticket.lines.find((l) => l.text === 'A017')).toEqual({
      text: 'A017',
      size: numberSize,
      bold: true,
      align: 'center',
    });
    expect(lines).toContain('Personalausweis beantragen');
    expect(lines).toContain('Voraussichtliche Wartezeit:');
    expect(lines).toContain('ca. 15-25 Min.');
    expect(lines).toContain('Personen vor Ihnen: 4');
    expect(lines).toContain('Bitte mitbringen:');
    expect(lines).toEqual(
      expect.arrayContaining([
        '- Altes Ausweisdokument',
        '- Biometrisches Passfoto',
        '- Gebühr 37,00 € (EC-Karte)',
      ]),
    );
    expect(lines).toContain('21.11.2026 09:14'); // 08:14 UTC is 09:14 in Berlin in November
    expect(lines.join(' ')).toContain('Bitte achten Sie auf die Anzeige. Grüße aus dem Straßenverkehrsamt!');
    expect(ticket.qrCodes).toEqual(['https://buergerbuero.example/t/8f3k2q']);
    expect(ticket.cuts).toBe(1);
    expect(ticket.images).toHaveLength(0);
    expect(ticket.unknown).toBe(0);
    for (const line of ticket.lines)
      expect([...line.text].length * line.size).toBeLessThanOrEqual(columns(width));
  });
});

it('prints an appointment time and the bring list per concern when there are several', async () => {
  const ticket = await printed(
    sampleTicket({
      appointmentAt: Date.UTC(2026, 10, 21, 9, 30),
      services: [
        { name: 'Reisepass', nameDe: 'Reisepass', bring: ['Foto'] },
        { name: 'Meldebescheinigung', nameDe: 'Meldebescheinigung', bring: ['Ausweis'] },
      ],
    }),
    'epson',
    80,
  );
  const lines = texts(ticket);
  expect(lines).toContain('Ihr Termin: 10:30');
  expect(lines.indexOf('- Foto')).toBe(lines.lastIndexOf('Reisepass') + 1);
  expect(lines.indexOf('- Ausweis')).toBe(lines.lastIndexOf('Meldebescheinigung') + 1);
});

it('prints the office logo first, scaled to the paper', async () => {
  const logo = createCanvas(800, 200);
  const ctx = logo.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 800, 200);
  const ticket = await printed(sampleTicket({ logo: logo.toBuffer('image/png') }), 'epson', 58);
  expect(ticket.items[0]).toEqual({ kind: 'image', index: 0 });
  expect(ticket.images[0]).toMatchObject({ width: 384, height: 96 }); // 800 x 200 scaled to 384 wide
  expect(ticket.images[0]?.dots.every((dot) => dot === 1)).toBe(true);
});

const latin: [Language, string, string, string][] = [
  ['tr', 'Pasaport başvurusu', 'Sıra numaranız', 'PC857'],
  ['pl', 'Wniosek o paszport', 'Twój numer', 'PC852'],
  ['ru', 'Заявление на паспорт', 'Ваш номер', 'PC866'],
  ['uk', 'Заява на паспорт', 'Очікуваний час очікування:', 'WPC1251'],
];
describe.each(latin)('a ticket in %s', (language, service, someLabel, page) => {
  it.each(['epson', 'star'] as const)(
    'prints labels and concern as text through its code page on %s',
    async (model) => {
      const data = sampleTicket({
        language,
        services: [{ name: service, nameDe: 'Reisepass beantragen', bring: [] }],
      });
      const ticket = await printed(data, model, 58);
      const lines = texts(ticket);
      expect(lines).toEqual(
        expect.arrayContaining([service, '(Reisepass beantragen)', someLabel, 'Ihre Wartenummer']),
      );
      expect(lines).toContain(`${label(language, 'ahead')}: 4`);
      expect(lines).toContain(label(language, 'waitRange', { min: 15, max: 25 }).replace('–', '-'));
      expect(ticket.codePages).toContain(page);
      expect(ticket.images).toHaveLength(0);
    },
  );
});

describe.each(['ar', 'fa'] as const)('a ticket in %s', (language) => {
  it.each([80, 58] as const)(
    'prints the right-to-left parts as images at %i mm, the rest as text',
    async (width) => {
      const data = arabicTicket({ language });
      const ticket = await printed(data, 'epson', width);
      const lines = texts(ticket);
      expect(lines).toEqual(
        expect.arrayContaining([
          'B042',
          'Ihre Wartenummer',
          '(Anmeldung einer Wohnung)',
          '(Führungszeugnis)',
          'Personen vor Ihnen: 7',
        ]),
      );
      expect(printedAsImage(ticket, label(language, 'yourNumber'), width, false, 'center')).toBe(true);
      expect(printedAsImage(ticket, 'تسجيل السكن', width, true)).toBe(true);
      expect(printedAsImage(ticket, `${label(language, 'ahead')}: 7`, width)).toBe(true);
      expect(printedAsImage(ticket, '- جواز السفر', width)).toBe(true);
      expect(printedAsImage(ticket, '- جواز السفر الأزرق', width)).toBe(false);
      expect(ticket.qrCodes).toEqual([data.statusUrl]);
      expect(ticket.images.every((image) => image.width === (width === 80 ? 576 : 384))).toBe(true);
    },
  );
});
