// The hub as `npm start` runs it, but without the per-device flood limit, so the benchmark measures the
// hub's own ceiling rather than its protection against faulty kiosks.
import { readFileSync } from 'node:fs';
import { OfficeConfig } from '@bb/protocol';
import { startHub } from '../../apps/hub/src/hub.ts';
import { createLogger } from '../../apps/hub/src/log.ts';

const UNLIMITED = 1_000_000_000;
const hub = await startHub({
  config: OfficeConfig.parse(JSON.parse(readFileSync(process.env.OFFICE_CONFIG!, 'utf8'))),
  dataDir: process.env.DATA_DIR!,
  port: 0,
  host: '127.0.0.1',
  log: createLogger(),
  rateLimits: { kiosk: UNLIMITED, display: UNLIMITED, counter: UNLIMITED, admin: UNLIMITED },
});
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
