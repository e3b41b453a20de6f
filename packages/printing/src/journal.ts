import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { PrintResult } from './types.ts';

type Printed = Extract<PrintResult, { ok: true }>;

function isPrinted(entry: unknown): entry is Printed {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    'ok' in entry &&
    entry.ok === true &&
    'ticketId' in entry &&
    typeof entry.ticketId === 'string'
  );
}

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
        const entry: unknown = JSON.parse(line);
        if (isPrinted(entry)) this.printed.set(entry.ticketId, entry);
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
