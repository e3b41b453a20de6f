import type { PrinterModel } from './types.ts';

/** One printer command (or one printable byte) found in an ESC/POS stream. */
export interface Command {
  name:
    | 'text'
    | 'lf'
    | 'init'
    | 'align'
    | 'bold'
    | 'size'
    | 'codePage'
    | 'feedLines'
    | 'cut'
    | 'image'
    | 'imageBand'
    | 'imageEnd'
    | 'qrData'
    | 'qrPrint'
    | 'status'
    | 'setting'
    | 'unknown';
  length: number;
  /** The command's numeric argument where it has one. */
  n?: number;
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) + (b[i + 1] ?? 0) * 256;

function epson(b: Uint8Array, i: number): Command | undefined {
  const [c1, c2, c3] = [b[i + 1], b[i + 2], b[i + 3]];
  if (b[i] === 0x10)
    return c1 === 0x04
      ? c2 === undefined
        ? undefined
        : { name: 'status', length: 3, n: c2 }
      : { name: 'unknown', length: 1 };
  if (b[i] === 0x1b) {
    if (c1 === undefined) return undefined;
    if (c1 === 0x40) return { name: 'init', length: 2 };
    if (c1 === 0x32) return { name: 'setting', length: 2 };
    if (c2 === undefined) return undefined;
    const named: Record<number, Command['name']> = {
      0x61: 'align',
      0x45: 'bold',
      0x21: 'setting',
      0x74: 'codePage',
      0x64: 'feedLines',
    };
    const name = named[c1] ?? ([0x33, 0x4d, 0x2d, 0x52, 0x7b].includes(c1) ? 'setting' : 'unknown');
    return { name, length: 3, n: c2 };
  }
  // GS
  if (c1 === undefined || c2 === undefined) return undefined;
  if (c1 === 0x21) return { name: 'size', length: 3, n: c2 };
  if (c1 === 0x56)
    return [0x41, 0x42, 0x61, 0x62, 0x67, 0x68].includes(c2)
      ? c3 === undefined
        ? undefined
        : { name: 'cut', length: 4 }
      : { name: 'cut', length: 3 };
  if (c1 === 0x76 && c2 === 0x30) {
    if (i + 8 > b.length) return undefined;
    return { name: 'image', length: 8 + u16(b, i + 4) * u16(b, i + 6) };
  }
  if (c1 === 0x28) {
    if (c3 === undefined || i + 8 > b.length) return undefined;
    const fn = b[i + 6]; // GS ( k pL pH cn fn: 0x50 stores QR data, 0x51 prints it
    const name =
      c2 === 0x6b && b[i + 5] === 0x31
        ? fn === 0x50
          ? 'qrData'
          : fn === 0x51
            ? 'qrPrint'
            : 'setting'
        : 'unknown';
    return { name, length: 5 + u16(b, i + 3) };
  }
  if ([0x72, 0x42, 0x48, 0x66, 0x77, 0x68].includes(c1)) return { name: 'setting', length: 3, n: c2 };
  return { name: 'unknown', length: 2 };
}

function star(b: Uint8Array, i: number): Command | undefined {
  const [c1, c2, c3] = [b[i + 1], b[i + 2], b[i + 3]];
  if (c1 === undefined) return undefined;
  if (c1 === 0x40) return { name: 'init', length: 2 };
  if (c1 === 0x45) return { name: 'bold', length: 2, n: 1 };
  if (c1 === 0x46) return { name: 'bold', length: 2, n: 0 };
  if (c1 === 0x30) return { name: 'setting', length: 2 };
  if (c2 === undefined) return undefined;
  if (c1 === 0x06 && c2 === 0x01) return { name: 'status', length: 3 };
  if (c1 === 0x64) return { name: 'cut', length: 3, n: c2 };
  if (c1 === 0x7a) return { name: 'imageEnd', length: 3 };
  if (c1 === 0x69) return c3 === undefined ? undefined : { name: 'size', length: 4, n: c2 };
  if (c1 === 0x6b)
    return c3 === undefined
      ? undefined
      : { name: 'imageBand', length: 4 + u16(b, i + 2) * 24, n: u16(b, i + 2) };
  if (c1 !== 0x1d || c3 === undefined) return { name: 'unknown', length: 2 };
  if (c2 === 0x61) return { name: 'align', length: 4, n: c3 };
  if (c2 === 0x74) return { name: 'codePage', length: 4, n: c3 };
  if (c2 === 0x79 && c3 === 0x53) return { name: 'setting', length: 6 };
  if (c2 === 0x79 && c3 === 0x50) return { name: 'qrPrint', length: 4 };
  if (c2 === 0x79 && c3 === 0x44)
    return i + 8 > b.length ? undefined : { name: 'qrData', length: 8 + u16(b, i + 6) };
  return { name: 'unknown', length: 3 };
}

/**
 * The command starting at `i`, or undefined when the bytes so far end in the middle of it.
 * Shared by the decoder and the fake printer, which must not mistake image bytes for a status query.
 */
export function readCommand(b: Uint8Array, i: number, model: PrinterModel): Command | undefined {
  const c = b[i];
  if (c === undefined) return undefined;
  if (c === 0x0a) return { name: 'lf', length: 1 };
  if (model === 'star' && c === 0x0b) return { name: 'feedLines', length: 1, n: 1 };
  if (c === 0x1b) {
    const cmd = model === 'epson' ? epson(b, i) : star(b, i);
    return cmd && i + cmd.length <= b.length ? cmd : undefined;
  }
  if (model === 'epson' && (c === 0x1d || c === 0x10)) {
    const cmd = epson(b, i);
    return cmd && i + cmd.length <= b.length ? cmd : undefined;
  }
  if (c < 0x20 && c !== 0x09 && c !== 0x0d) return { name: 'unknown', length: 1 };
  return { name: 'text', length: 1 };
}
