import type { FailureReason } from './types.ts';

/** Where the bytes go: `tcp://host:9100`, `printer:NAME` (system queue, raw) or a device file path. */
export type Target =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'system'; name: string }
  | { kind: 'file'; path: string };

export function parseTarget(target: string): Target {
  const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/i.exec(target);
  if (tcp?.[1]) return { kind: 'tcp', host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2] ?? 9100) };
  const system = /^printer:(.+)$/i.exec(target);
  if (system?.[1]) return { kind: 'system', name: system[1] };
  if (target.startsWith('/')) return { kind: 'file', path: target };
  throw new Error(`unknown printer target "${target}" (use tcp://host:9100, printer:NAME or /dev/usb/lp0)`);
}

/** A failure with the reason the kiosk shows. */
export class PrintError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** Runs `work`, failing with `reason` if it takes longer than `ms`. */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  reason: FailureReason,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintError(reason, message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
