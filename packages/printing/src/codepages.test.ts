import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decoder.ts';
import { encodeBlocks } from './encoder.ts';
import type { PrintBlock, PrinterModel } from './types.ts';

const line = (text: string): PrintBlock => ({ kind: 'text', text, size: 1, bold: false, align: 'left' });

describe('code pages', () => {
  const cases: [string, string, string][] = [
    ['German', 'Größe, Maß, Übergabe: 37,00 €', 'PC858'],
    ['Turkish', 'Sıra numaranız: İşlem ğüşöç', 'PC857'],
    ['Polish', 'Proszę zabrać ze sobą: łóżko źdźbło', 'PC852'],
    ['Russian', 'Пожалуйста, возьмите с собой', 'PC866'],
    ['Ukrainian', 'Будь ласка, візьміть із собою ґанок, їжу', 'WPC1251'],
  ];
  for (const model of ['epson', 'star'] satisfies PrinterModel[]) {
    for (const [language, text, page] of cases) {
      it(`prints ${language} through ${page} on ${model} and reads back the same text`, async () => {
        const decoded = decodeEscPos(await encodeBlocks([line(text)], { model, width: 80 }), model);
        expect(decoded.lines.map((l) => l.text)).toEqual([text]);
        expect(decoded.codePages).toEqual([page]);
        expect(decoded.images).toHaveLength(0);
        expect(decoded.unknown).toBe(0);
      });
    }
    it(`prints Arabic as an image on ${model}, not as text`, async () => {
      const decoded = decodeEscPos(
        await encodeBlocks([line('رقم الانتظار الخاص بك')], { model, width: 58 }),
        model,
      );
      expect(decoded.lines).toHaveLength(0);
      expect(decoded.images).toHaveLength(1);
      expect(decoded.images[0]?.width).toBe(384);
      expect(decoded.images[0]?.dots.some((d) => d === 1)).toBe(true);
    });
  }

  it('switches code page only when a line needs another one', async () => {
    const blocks = ['Ihre Wartenummer', 'Ваш номер', 'A017', 'Grüße'].map(line);
    const decoded = decodeEscPos(await encodeBlocks(blocks, { model: 'epson', width: 80 }));
    expect(decoded.codePages).toEqual(['PC858', 'PC866', 'PC858']);
    expect(decoded.lines.map((l) => l.text)).toEqual(['Ihre Wartenummer', 'Ваш номер', 'A017', 'Grüße']);
  });

  it('strips control bytes from office texts so they cannot become printer commands', async () => {
    const decoded = decodeEscPos(
      await encodeBlocks([line('Amt\x10\x04\x01 Mitte\x1b@')], { model: 'epson', width: 80 }),
    );
    expect(decoded.lines.map((l) => l.text)).toEqual(['Amt Mitte @']);
  });
});
