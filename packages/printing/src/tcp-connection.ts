import { connect, type Socket } from 'node:net';
import { answerLength, parseStatus, STATUS_QUERY } from './status.ts';
import { PrintError, withTimeout } from './target.ts';
import type { PrinterModel, PrinterStatus } from './types.ts';
import type { Connection } from './connection.ts';

/**
 * One socket per job to a network printer (port 9100): status query, job bytes, status query.
 * Written here because node-thermal-printer's network interface closes the socket after
 * writing and cannot read a real-time status answer.
 */
export class TcpConnection implements Connection {
  private received = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private failure: PrintError | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly model: PrinterModel,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    socket.on('error', (error) =>
      this.fail(new PrintError('error', `printer connection failed: ${error.message}`)),
    );
    socket.on('close', () => this.fail(new PrintError('error', 'printer closed the connection')));
  }

  static async open(
    host: string,
    port: number,
    model: PrinterModel,
    timeoutMs: number,
  ): Promise<TcpConnection> {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const opened = new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (e) =>
        reject(new PrintError('offline', `printer ${host}:${port} unreachable: ${e.message}`)),
      );
    });
    try {
      await withTimeout(
        opened,
        timeoutMs,
        'offline',
        `printer ${host}:${port} did not accept a connection within ${timeoutMs} ms`,
      );
    } catch (error) {
      socket.destroy();
      throw error;
    }
    return new TcpConnection(socket, model, timeoutMs);
  }

  async status(): Promise<PrinterStatus> {
    this.received = Buffer.alloc(0);
    await this.write(STATUS_QUERY[this.model]);
    const answer = await withTimeout(
      this.read(),
      this.timeoutMs,
      'timeout',
      `printer did not answer the status query within ${this.timeoutMs} ms`,
    );
    return parseStatus(this.model, answer);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    const written = new Promise<void>((resolve, reject) =>
      this.socket.write(bytes, (e) => (e ? reject(new PrintError('error', e.message)) : resolve())),
    );
    await withTimeout(
      written,
      this.timeoutMs,
      'timeout',
      `printer did not take the job within ${this.timeoutMs} ms`,
    );
  }

  close(): void {
    this.socket.destroy();
  }

  private async read(): Promise<Buffer> {
    for (;;) {
      if (this.failure) throw this.failure;
      const first = this.received[0];
      if (first !== undefined) {
        const length = answerLength(this.model, first);
        if (this.received.length >= length) return this.received.subarray(0, length);
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private fail(error: PrintError): void {
    this.failure ??= error;
    this.wake?.();
  }
}
