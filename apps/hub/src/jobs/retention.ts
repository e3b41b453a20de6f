import type { Stores } from '../store/stores.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes names, notes, status tokens and old command replies after the retention period (DSGVO: keep
 * personal data no longer than needed). The event log stays: it holds no personal data.
 */
export function runRetention(stores: Stores, retentionDays: number, now: number) {
  const cutoff = now - retentionDays * DAY_MS;
  return stores.db.transaction(() => ({
    ...stores.personal.deleteOlderThan(cutoff),
    commandReplies: stores.commands.deleteOlderThan(cutoff),
  }))();
}
