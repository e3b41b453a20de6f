import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { PrintResult } from './types.ts';

type Printed = Extract<PrintResult, { ok: true }>;

/**
 * Which tickets were printed: a map, plus an optional JSON-lines file so a kiosk restart
 * still knows them. One line per printed ticket; a torn last line (power cut) is skipped.
 */
export class PrintJournal {
  private readonly printed = new Map<string, Printed>();

  constructor(private readonly path?: string) {
    if (!path || !existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      try {
        const entry = JSON.parse(line) as Printed;
        if (entry.ok && typeof entry.ticketId === 'string') this.printed.set(entry.ticketId, entry);
      } catch {
        // empty or torn line
      }
    }
  }

  get(ticketId: string): Printed | undefined {
    return this.printed.get(ticketId);
  }

  record(result: Printed): void {
    if (result.copy || this.printed.has(result.ticketId)) return;
    this.printed.set(result.ticketId, result);
    if (this.path) appendFileSync(this.path, `${JSON.stringify(result)}\n`);
  }
}
