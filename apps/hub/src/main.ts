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

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    // A person can fix this: say what is wrong, without a stack trace.
    process.stderr.write(`bb-hub: ${err.message}\n`);
  } else {
    log.fatal({ err }, 'hub could not start');
  }
  process.exit(1);
});
