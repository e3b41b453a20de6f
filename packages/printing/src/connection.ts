import type { PrinterModel, PrinterStatus } from './types.ts';
import { TcpConnection } from './tcp-connection.ts';
import { DeviceFileConnection, SystemQueueConnection } from './local-connections.ts';
import type { Target } from './target.ts';

/** One print job's path to the printer. */
export interface Connection {
  /** Current printer status; undefined where the path cannot ask (device file, system queue). */
  status(): Promise<PrinterStatus | undefined>;
  write(bytes: Uint8Array): Promise<void>;
  close(): void;
}

export interface ConnectOptions {
  model: PrinterModel;
  timeoutMs: number;
  /** Command for system queues; `lp` from CUPS by default. */
  systemCommand: string;
}

export async function openConnection(target: Target, options: ConnectOptions): Promise<Connection> {
  switch (target.kind) {
    case 'tcp':
      return TcpConnection.open(target.host, target.port, options.model, options.timeoutMs);
    case 'file':
      return DeviceFileConnection.open(target.path, options.timeoutMs);
    case 'system':
      return new SystemQueueConnection(target.name, options.systemCommand, options.timeoutMs);
  }
}
