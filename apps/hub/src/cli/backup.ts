/**
 * `npm run backup [-- <target file>]`: a consistent copy of the office database while the hub keeps running.
 * Uses SQLite's online backup API; copying hub.sqlite alone with cp could miss what is still in the -wal file.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DB_FILE_NAME } from '../store/db.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const source = join(dataDir, DB_FILE_NAME);
if (!existsSync(source)) {
  process.stderr.write(`no database at ${source} (set DATA_DIR)\n`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? join(dataDir, 'backups', `hub-${stamp}.sqlite`));
mkdirSync(dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(target);
  // A single self-contained file (no -wal/-shm beside it) is what people expect to copy to a USB stick.
  const check = new Database(target);
  check.pragma('journal_mode = DELETE');
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') throw new Error(`integrity check of the copy failed: ${String(ok)}`);
  process.stdout.write(`backup written: ${target}\n`);
} finally {
  db.close();
}
