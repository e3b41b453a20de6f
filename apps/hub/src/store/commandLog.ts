import { createHash } from 'node:crypto';
import type { Reply } from '@bb/protocol';
import type { Db } from './db.ts';

export type LoggedCommand = { type: string; payloadHash: string; reply: Reply };

/**
 * Every decided command by its client-made id, so a retry (same id) gets the first reply and never acts twice.
 * Replies are kept until the retention job removes them.
 */
export class CommandLog {
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
    const row = this.select.get(id) as { type: string; payloadHash: string; reply: string } | undefined;
    return row && { type: row.type, payloadHash: row.payloadHash, reply: JSON.parse(row.reply) as Reply };
  }

  record(id: string, type: string, payloadHash: string, reply: Reply, seq: number, at: number): void {
    this.insert.run(id, type, payloadHash, JSON.stringify(reply), seq, at);
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
