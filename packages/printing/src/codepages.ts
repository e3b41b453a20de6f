import iconv from 'iconv-lite';
import type { PrinterModel } from './types.ts';

/** A character table the printer can switch to, with its iconv name for encoding and decoding. */
export interface CodePage {
  name: string;
  iconv: string;
  /** Table number: Epson `ESC t n`, Star `ESC GS t n`. */
  number: number;
}

// Order matters: the first table that holds a whole line wins, so German stays on PC858 (with €).
// Ukrainian і ї ґ are missing from PC866; WPC1251 has them on both Epson (46) and Star (34).
const EPSON: CodePage[] = [
  { name: 'PC858', iconv: 'cp858', number: 19 },
  { name: 'PC857', iconv: 'cp857', number: 13 },
  { name: 'PC852', iconv: 'cp852', number: 18 },
  { name: 'PC866', iconv: 'cp866', number: 17 },
  { name: 'WPC1251', iconv: 'win1251', number: 46 },
];
// Star numbers its tables differently (Star line mode manual, "ESC GS t n").
const STAR: CodePage[] = [
  { name: 'PC858', iconv: 'cp858', number: 4 },
  { name: 'PC857', iconv: 'cp857', number: 12 },
  { name: 'PC852', iconv: 'cp852', number: 5 },
  { name: 'PC866', iconv: 'cp866', number: 10 },
  { name: 'WPC1251', iconv: 'win1251', number: 34 },
];

export const CODE_PAGES: Record<PrinterModel, readonly CodePage[]> = { epson: EPSON, star: STAR };

// Typographic characters that no code page above has, replaced by their plain look-alikes.
const PLAIN: Record<string, string> = {
  '–': '-',
  '—': '-',
  '„': '"',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '…': '...',
  '\u00a0': ' ',
};

export function plainText(text: string): string {
  return text.replace(/[–—„“”‘’…\u00a0]/g, (c) => PLAIN[c] ?? c);
}

function holds(page: CodePage, text: string): boolean {
  return iconv.decode(iconv.encode(text, page.iconv), page.iconv) === text;
}

/**
 * The table to print `text` with: the current one if it holds the text, else the first that does.
 * Undefined when no table holds it (Arabic, Persian, mixed scripts): such text is printed as an image.
 */
export function pickCodePage(text: string, model: PrinterModel, current?: CodePage): CodePage | undefined {
  if (current && holds(current, text)) return current;
  return CODE_PAGES[model].find((page) => holds(page, text));
}

export function codePageByNumber(model: PrinterModel, number: number): CodePage | undefined {
  return CODE_PAGES[model].find((page) => page.number === number);
}

export function encodeText(text: string, page: CodePage): Buffer {
  return iconv.encode(text, page.iconv);
}

export function decodeText(bytes: Uint8Array, page: CodePage | undefined): string {
  return page ? iconv.decode(Buffer.from(bytes), page.iconv) : Buffer.from(bytes).toString('latin1');
}
