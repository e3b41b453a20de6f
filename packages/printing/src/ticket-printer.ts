import { openConnection, type Connection } from './connection.ts';
import { encodeBlocks } from './encoder.ts';
import { PrintJournal } from './journal.ts';
import { layoutTicket } from './layout.ts';
import { OFFLINE, refusal, sameStatus } from './status.ts';
import { parseTarget, PrintError, type Target } from './target.ts';
import type { PaperWidth, PrinterModel, PrinterStatus, PrintResult, TicketPrintData } from './types.ts';

export interface TicketPrinterOptions {
  /** `tcp://host:9100`, `/dev/usb/lp0` or `printer:NAME` (system queue, raw). */
  target: string;
  model?: PrinterModel;
  width?: PaperWidth;
  /** JSON-lines file of printed ticket ids, so a restart never prints a ticket twice. */
  journalPath?: string;
  /** Limit for connecting, each status answer and sending the job. */
  timeoutMs?: number;
  /** Command for `printer:NAME` targets (default `lp`). */
  systemCommand?: string;
}

/** Prints tickets on one printer: at most once per ticket id, reprints only on request. */
export class TicketPrinter {
  private readonly target: Target;
  private readonly model: PrinterModel;
  private readonly width: PaperWidth;
  private readonly journal: PrintJournal;
  private readonly inFlight = new Map<string, Promise<PrintResult>>();
  private readonly listeners = new Set<(status: PrinterStatus) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastStatus: PrinterStatus | undefined;

  constructor(private readonly options: TicketPrinterOptions) {
    this.target = parseTarget(options.target);
    this.model = options.model ?? 'epson';
    this.width = options.width ?? 80;
    this.journal = new PrintJournal(options.journalPath);
  }

  /** Prints the ticket unless it was printed already; then returns the first result. */
  print(data: TicketPrintData): Promise<PrintResult> {
    const done = this.journal.get(data.ticketId);
    if (done) return Promise.resolve(done);
    const running = this.inFlight.get(data.ticketId);
    if (running) return running;
    const job = this.exclusive(() => this.send(data, false)).finally(() =>
      this.inFlight.delete(data.ticketId),
    );
    this.inFlight.set(data.ticketId, job);
    return job;
  }

  /** Prints the ticket again, marked as a copy. Only on an explicit request by visitor or staff. */
  reprint(data: TicketPrintData): Promise<PrintResult> {
    return this.exclusive(() => this.send(data, true));
  }

  /** Asks the printer now; undefined where the target cannot tell. */
  status(): Promise<PrinterStatus | undefined> {
    return this.exclusive(async () => {
      const connection = await this.connect().catch(() => undefined);
      if (!connection) return OFFLINE;
      try {
        return this.observe(await connection.status().catch(() => OFFLINE));
      } finally {
        connection.close();
      }
    });
  }

  /** Calls `listener` whenever the printer's status changes; returns the unsubscribe function. */
  onStatus(listener: (status: PrinterStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async send(data: TicketPrintData, copy: boolean): Promise<PrintResult> {
    const { ticketId } = data;
    let connection: Connection | undefined;
    try {
      const layout = layoutTicket(data, { width: this.width, copy, maxScale: this.model === 'star' ? 6 : 8 });
      const bytes = await encodeBlocks(layout, { model: this.model, width: this.width });
      connection = await this.connect();
      const before = this.observe(await connection.status());
      const refused = before && refusal(before);
      if (refused && before) return { ok: false, ticketId, ...refused, status: before };
      await connection.write(bytes);
      // The ticket is out: a failed status answer now must not turn it into a failure (and a retry into a double).
      const after = this.observe(await connection.status().catch(() => undefined));
      const result: PrintResult = {
        ok: true,
        ticketId,
        copy,
        printedAt: Date.now(),
        bytes: bytes.length,
        ...(after && { statusAfter: after }),
      };
      this.journal.record(result);
      return result;
    } catch (error) {
      const reason = error instanceof PrintError ? error.reason : 'error';
      if (reason === 'offline' || reason === 'timeout') this.observe(OFFLINE);
      return { ok: false, ticketId, reason, message: error instanceof Error ? error.message : String(error) };
    } finally {
      connection?.close();
    }
  }

  private connect(): Promise<Connection> {
    const { timeoutMs = 5000, systemCommand = 'lp' } = this.options;
    return openConnection(this.target, { model: this.model, timeoutMs, systemCommand });
  }

  private observe(status: PrinterStatus | undefined): PrinterStatus | undefined {
    if (!status || sameStatus(this.lastStatus, status)) return status;
    this.lastStatus = status;
    for (const listener of this.listeners) listener(status);
    return status;
  }

  /** One job at a time per printer, so two tickets never interleave on the paper. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
