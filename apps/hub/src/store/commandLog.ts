import { createHash } from 'node:crypto';
import type { Reply } from '@bb/protocol';
import type { Db } from './db.ts';

export type LoggedCommand = { type: string; payloadHash: string; reply: Reply };

/** Refusals remembered in memory; plenty for retries, which come within seconds. */
const REFUSALS_KEPT = 10_000;

/**
 * Every decided command by its client-made id, so a retry (same id) gets the first reply and never acts twice.
 * Accepted commands are written with their events; replies are kept until the retention job removes them.
 * Refusals changed nothing, so they are only remembered in memory: a retry gets the same answer without a
 * disk write, and after a restart a retry is simply decided again (it cannot act twice, it never acted).
 */
export class CommandLog {
  private readonly refusals = new Map<string, LoggedCommand>();
  private readonly select;
  private readonly insert;
  private readonly prune;

  constructor(db: Db) {
    this.select = db.prepare('SELECT type, payload_hash AS payloadHash, reply FROM commands WHERE id = ?');
    this.insert = db.prepare(
      'INSERT INTO commands (id, type, payload_hash, reply, seq, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.prune = db.prepare('DELETE FROM commands WHERE at < ?');
  }

  find(id: string): LoggedCommand | undefined {
    const refused = this.refusals.get(id);
    if (refused) return refused;
    const row = this.select.get(id) as { type: string; payloadHash: string; reply: string } | undefined;
    return row && { type: row.type, payloadHash: row.payloadHash, reply: JSON.parse(row.reply) as Reply };
  }

  record(id: string, type: string, payloadHash: string, reply: Reply, seq: number, at: number): void {
    this.insert.run(id, type, payloadHash, JSON.stringify(reply), seq, at);
  }

  rememberRefusal(id: string, type: string, payloadHash: string, reply: Reply): void {
    if (this.refusals.size >= REFUSALS_KEPT) this.refusals.delete(this.refusals.keys().next().value!);
    this.refusals.set(id, { type, payloadHash, reply });
  }

  deleteOlderThan(cutoff: number): number {
    return this.prune.run(cutoff).changes;
  }
}

/**
 * Hash of what the command asks for (without its id). The PIN is left out: a hash of a 4-digit PIN is
 * trivially reversible, and a retried login with another PIN may safely get the first answer.
 */
export function payloadHash(command: Record<string, unknown>): string {
  const { id: _id, pin: _pin, ...rest } = command;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** JSON with sorted keys, so the same payload always hashes alike whatever order the client wrote. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
