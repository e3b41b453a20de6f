import { codePageByNumber, decodeText, type CodePage } from './codepages.ts';
import { readCommand } from './commands.ts';
import type { Align, PrinterModel } from './types.ts';

export interface DecodedLine {
  text: string;
  size: number;
  bold: boolean;
  align: Align;
}

export interface DecodedImage {
  width: number;
  height: number;
  /** Row-major, one byte per dot: 1 = black. */
  dots: Uint8Array;
}

/** What a ticket looks like on paper, read back from the bytes sent to the printer. */
export interface DecodedTicket {
  lines: DecodedLine[];
  qrCodes: string[];
  images: DecodedImage[];
  cuts: number;
  codePages: string[];
  /** Everything in paper order. */
  items: (
    | ({ kind: 'line' } & DecodedLine)
    | { kind: 'qr'; data: string }
    | { kind: 'image'; index: number }
    | { kind: 'cut' }
  )[];
  /** Bytes the decoder did not understand; a correct job has none. */
  unknown: number;
}

const ALIGN: Align[] = ['left', 'center', 'right'];

function unpack(bits: Uint8Array, bytesPerRow: number, rows: number): Uint8Array {
  const dots = new Uint8Array(bytesPerRow * 8 * rows);
  bits.forEach((byte, i) => {
    for (let bit = 0; bit < 8; bit++) dots[i * 8 + bit] = (byte >> (7 - bit)) & 1;
  });
  return dots;
}

export function decodeEscPos(bytes: Uint8Array, model: PrinterModel = 'epson'): DecodedTicket {
  const out: DecodedTicket = {
    lines: [],
    qrCodes: [],
    images: [],
    cuts: 0,
    codePages: [],
    items: [],
    unknown: 0,
  };
  let page: CodePage | undefined;
  let style: Omit<DecodedLine, 'text'> = { size: 1, bold: false, align: 'left' };
  let text: number[] = [];
  let lineStyle = style;
  let band: { bytesPerRow: number; chunks: Uint8Array[] } | undefined;
  const flushText = (force: boolean): void => {
    if (text.length === 0 && !force) return;
    const line = { text: decodeText(Uint8Array.from(text), page), ...lineStyle };
    out.lines.push(line);
    out.items.push({ kind: 'line', ...line });
    text = [];
  };
  const pushImage = (image: DecodedImage): void => {
    flushText(false);
    out.items.push({ kind: 'image', index: out.images.push(image) - 1 });
  };
  for (let i = 0; i < bytes.length;) {
    const cmd = readCommand(bytes, i, model);
    if (!cmd) {
      out.unknown += bytes.length - i;
      break;
    }
    const n = cmd.n ?? 0;
    switch (cmd.name) {
      case 'text':
        if (text.length === 0) lineStyle = style;
        text.push(bytes[i] ?? 0);
        break;
      case 'lf':
        if (band) break; // Star ends every image band with a line feed
        flushText(true);
        break;
      case 'init':
        style = { size: 1, bold: false, align: 'left' };
        break;
      case 'align':
        style = { ...style, align: ALIGN[n % 48] ?? 'left' };
        break;
      case 'bold':
        style = { ...style, bold: (n & 1) === 1 };
        break;
      case 'size':
        style = { ...style, size: model === 'epson' ? (n & 0x0f) + 1 : n + 1 };
        break;
      case 'codePage':
        page = codePageByNumber(model, n);
        out.codePages.push(page?.name ?? `unknown ${n}`);
        break;
      case 'cut':
        flushText(false);
        out.cuts++;
        out.items.push({ kind: 'cut' });
        break;
      case 'image': {
        const bytesPerRow = (bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256;
        const height = (bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256;
        pushImage({
          width: bytesPerRow * 8,
          height,
          dots: unpack(bytes.subarray(i + 8, i + cmd.length), bytesPerRow, height),
        });
        break;
      }
      case 'imageBand':
        band ??= { bytesPerRow: n, chunks: [] };
        band.chunks.push(bytes.subarray(i + 4, i + cmd.length));
        break;
      case 'imageEnd':
        if (band) {
          const height = band.chunks.length * 24;
          pushImage({
            width: band.bytesPerRow * 8,
            height,
            dots: unpack(Buffer.concat(band.chunks), band.bytesPerRow, height),
          });
          band = undefined;
        }
        break;
      case 'qrData': {
        const start = i + 8; // after GS ( k pL pH 31 50 30 (Epson) or ESC GS y D 1 0 nL nH (Star)
        const data = Buffer.from(bytes.subarray(start, i + cmd.length)).toString('ascii');
        flushText(false);
        out.qrCodes.push(data);
        out.items.push({ kind: 'qr', data });
        break;
      }
      case 'unknown':
        out.unknown += cmd.length;
        break;
      default: // settings, feeds, status queries and QR print commands change nothing we assert on
    }
    i += cmd.length;
  }
  flushText(false);
  return out;
}
