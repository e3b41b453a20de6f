import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OfficeConfig, type OfficeConfigInput } from '@bb/protocol';
import { buildHistory } from './history.ts';
import { rssMb, startHubProcess } from './hubProcess.ts';

/** The demo office, bigger (16 desks, no quotas) so one simulated day has about 1,000 visitors. */
function historyOffice(): OfficeConfigInput {
  const demo = JSON.parse(
    readFileSync(new URL('../../apps/hub/config/demo-office.json', import.meta.url), 'utf8'),
  ) as OfficeConfigInput & { services: { dailyQuota?: number }[] };
  for (const s of demo.services) delete s.dailyQuota;
  demo.counters = Array.from({ length: 16 }, (_, i) => ({ id: `c${i + 1}`, label: `Platz ${i + 1}` }));
  return demo;
}

/** Start-up time (process start until the hub listens) and resident memory with a year of history. */
export async function hubStartup(targetTickets: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const input = historyOffice();
  try {
    const built = buildHistory(dataDir, OfficeConfig.parse(input), targetTickets, 2.2);
    const runs: { ms: number; rssMb: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const hub = await startHubProcess(dataDir, input);
      const ms = performance.now() - started;
      const health = await fetch(`${hub.url}/api/health`);
      if (health.status !== 200) throw new Error(`health answered ${health.status}`);
      runs.push({ ms, rssMb: rssMb(hub.child.pid!) });
      await hub.stop();
    }
    const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
    return { ...built, startMs: best.ms, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Process start until a trivial Node process with the same loader is running: what any start-up costs. */
export async function nodeStartFloor(): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const started = performance.now();
  spawnSync(process.execPath, ['--import', 'tsx', '-e', '0']);
  return performance.now() - started;
}
