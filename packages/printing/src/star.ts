// Star line-mode commands that node-thermal-printer 4.6 lacks or gets wrong.

/** ESC i n1 n2: character height and width expansion (0 = normal, max 5 = six times). */
export function starTextSize(size: number): Buffer {
  const n = Math.max(0, Math.min(5, size - 1));
  return Buffer.from([0x1b, 0x69, n, n]);
}

/**
 * QR code: model 2, correction M, cell size, data, print. The library's printQR omits the
 * "ESC GS y D 1 0" data header, so a Star printer would never receive the URL.
 */
export function starQr(data: string, cellSize: number): Buffer {
  const bytes = Buffer.from(data, 'ascii');
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, bytes.length & 0xff, bytes.length >> 8]),
    bytes,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]),
  ]);
}
