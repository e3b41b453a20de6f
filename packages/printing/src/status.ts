import type { FailureReason, PrinterModel, PrinterStatus } from './types.ts';

/**
 * Real-time status queries. node-thermal-printer only offers GS r 1 (paper sensor, answered after
 * the print buffer drains) and opens a new socket per call; these are answered at once, on the job's socket.
 */
export const STATUS_QUERY: Record<PrinterModel, Buffer> = {
  // DLE EOT 1 (printer), 2 (offline cause), 4 (paper roll sensor): one byte each.
  epson: Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]),
  // ESC ACK SOH: Star's automatic status (ASB) on request.
  star: Buffer.from([0x1b, 0x06, 0x01]),
};

/** Bytes the answer has, once its first byte is known (Star encodes the ASB length in its header). */
export function answerLength(model: PrinterModel, first: number): number {
  if (model === 'epson') return 3;
  return ((first >> 1) & 0x07) | ((first >> 2) & 0x08);
}

export function parseStatus(model: PrinterModel, answer: Uint8Array): PrinterStatus {
  const at = (i: number): number => answer[i] ?? 0;
  if (model === 'epson') {
    const [printer, offline, paper] = [at(0), at(1), at(2)];
    return {
      online: (printer & 0x08) === 0,
      coverOpen: (offline & 0x04) !== 0,
      paperNearEnd: (paper & 0x0c) !== 0,
      paperOut: (paper & 0x60) !== 0 || (offline & 0x20) !== 0,
    };
  }
  const [status1, status4] = [at(2), at(5)];
  return {
    online: (status1 & 0x08) === 0,
    coverOpen: (status1 & 0x20) !== 0,
    paperNearEnd: (status4 & 0x04) !== 0,
    paperOut: (status4 & 0x08) !== 0,
  };
}

/** Why a job must not be sent to a printer in this state, if it must not. */
export function refusal(status: PrinterStatus): { reason: FailureReason; message: string } | undefined {
  if (status.paperOut) return { reason: 'paperOut', message: 'printer is out of paper' };
  if (status.coverOpen) return { reason: 'coverOpen', message: 'printer cover is open' };
  if (!status.online) return { reason: 'offline', message: 'printer reports it is offline' };
  return undefined;
}

export const OFFLINE: PrinterStatus = {
  online: false,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
};

export function sameStatus(a: PrinterStatus | undefined, b: PrinterStatus): boolean {
  return (
    !!a &&
    a.online === b.online &&
    a.coverOpen === b.coverOpen &&
    a.paperNearEnd === b.paperNearEnd &&
    a.paperOut === b.paperOut
  );
}
