import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ConfigError, loadOfficeConfig } from './config/loadConfig.ts';
import { startHub } from './hub.ts';
import { createLogger } from './log.ts';

/** The always-open demo, so people trying the system at 22:00 on a Sunday still can. */
export const DEFAULT_OFFICE_CONFIG = fileURLToPath(
  new URL('../config/demo-office-always-open.json', import.meta.url),
);

const log = createLogger();

process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => {
  // State lives in SQLite and every acknowledged command is committed: dying and restarting is safe.
  log.fatal({ err }, 'uncaught exception; exiting');
  process.exit(1);
});

function envPort(): number {
  const text = process.env.PORT ?? '8080';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not '${text}'`);
  return port;
}

async function main(): Promise<void> {
  const configPath = resolve(process.env.OFFICE_CONFIG ?? DEFAULT_OFFICE_CONFIG);
  const config = loadOfficeConfig(configPath);
  const hub = await startHub({
    config,
    dataDir: resolve(process.env.DATA_DIR ?? 'data'),
    port: envPort(),
    host: process.env.HOST ?? '0.0.0.0',
    log,
  });
  log.info({ config: configPath }, 'office configuration loaded');
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** What the operating system said, in words city IT can act on. */
function plainStartError(err: unknown): string | undefined {
  if (err instanceof ConfigError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return `port ${process.env.PORT ?? '8080'} is already in use by another program: stop it or set PORT`;
  if (code === 'EACCES' || code === 'EPERM')
    return `no permission: ${(err as Error).message} (check DATA_DIR and PORT; ports below 1024 need privileges)`;
  if (code === 'ENOSPC') return `the disk is full: ${(err as Error).message}`;
  if (code === 'EROFS') return `DATA_DIR is on a read-only file system: ${(err as Error).message}`;
  return undefined;
}

main().catch((err: unknown) => {
  const plain = plainStartError(err);
  // A person can fix these: say what is wrong, without a stack trace (the log keeps the details).
  if (plain) process.stderr.write(`bb-hub: ${plain}\n`);
  if (!(err instanceof ConfigError)) log.fatal({ err }, 'hub could not start');
  process.exit(1);
});
