import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readCommand } from './commands.ts';
import { decodeEscPos, type DecodedTicket } from './decoder.ts';
import type { PrinterModel } from './types.ts';

export type FakePrinterMode = 'healthy' | 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'silent';

export interface FakeJob {
  /** Everything received on one connection except status queries. */
  bytes: Buffer;
  /** performance.now() when the first and the last job byte arrived. */
  firstByteAt: number;
  lastByteAt: number;
}

// Epson answers to DLE EOT 1, 2, 4 (bits 1 and 4 are always set).
const EPSON: Record<Exclude<FakePrinterMode, 'silent'>, number[]> = {
  healthy: [0x12, 0x12, 0x12],
  paperNearEnd: [0x12, 0x12, 0x1e],
  paperOut: [0x1a, 0x32, 0x7e],
  coverOpen: [0x1a, 0x16, 0x12],
};
// Star ASB, 9 bytes: header, version, status 1 (offline 0x08, cover 0x20) ... status 4 (near end 0x04, empty 0x08).
const STAR: Record<Exclude<FakePrinterMode, 'silent'>, number[]> = {
  healthy: [0x23, 0x86, 0, 0, 0, 0, 0, 0, 0],
  paperNearEnd: [0x23, 0x86, 0, 0, 0, 0x04, 0, 0, 0],
  paperOut: [0x23, 0x86, 0x08, 0, 0, 0x0c, 0, 0, 0],
  coverOpen: [0x23, 0x86, 0x28, 0, 0, 0, 0, 0, 0],
};

/**
 * A network printer on 127.0.0.1 for tests, demos and the benchmark: records each job's bytes and
 * answers status queries as a healthy printer, one with a paper or cover problem, or not at all.
 */
export class FakePrinter {
  readonly jobs: FakeJob[] = [];
  statusQueries = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly model: PrinterModel,
    public mode: FakePrinterMode,
  ) {}

  static async start(options: { mode?: FakePrinterMode; model?: PrinterModel } = {}): Promise<FakePrinter> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('fake printer has no port');
    const fake = new FakePrinter(server, address.port, options.model ?? 'epson', options.mode ?? 'healthy');
    server.on('connection', (socket) => fake.serve(socket));
    return fake;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** The job as printed: text lines, QR codes, images, cuts. */
  decoded(index = this.jobs.length - 1): DecodedTicket {
    const job = this.jobs[index];
    if (!job) throw new Error(`no job ${index}; the printer received ${this.jobs.length}`);
    return decodeEscPos(job.bytes, this.model);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    let job: FakeJob | undefined;
    socket.on('data', (chunk: Buffer) => {
      const now = performance.now();
      pending = Buffer.concat([pending, chunk]);
      let used = 0;
      const data: Buffer[] = [];
      // Walk whole commands, so image bytes that happen to look like DLE EOT are not taken for one.
      for (
        let cmd = readCommand(pending, used, this.model);
        cmd;
        cmd = readCommand(pending, used, this.model)
      ) {
        if (cmd.name === 'status') this.answer(socket, cmd.n);
        else data.push(pending.subarray(used, used + cmd.length));
        used += cmd.length;
      }
      pending = pending.subarray(used);
      if (data.length === 0) return;
      if (!job) this.jobs.push((job = { bytes: Buffer.alloc(0), firstByteAt: now, lastByteAt: now }));
      job.bytes = Buffer.concat([job.bytes, ...data]);
      job.lastByteAt = now;
    });
  }

  private answer(socket: Socket, n: number | undefined): void {
    this.statusQueries++;
    if (this.mode === 'silent') return;
    if (this.model === 'star') socket.write(Buffer.from(STAR[this.mode]));
    else socket.write(Buffer.from([EPSON[this.mode][n === 4 ? 2 : n === 2 ? 1 : 0] ?? 0x12]));
  }
}
