import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OfficeConfigInput } from '@bb/protocol';

const repo = new URL('../../', import.meta.url).pathname;

export interface HubProcess {
  child: ChildProcess;
  url: string;
  bootstrapCode?: string;
  stop(): Promise<void>;
}

/** Starts `apps/hub/src/main.ts` as its own process on a free loopback port and waits until it listens. */
export async function startHubProcess(
  dataDir: string,
  config: OfficeConfigInput,
  entry = 'apps/hub/src/main.ts',
): Promise<HubProcess> {
  const configPath = join(dataDir, 'office.json');
  writeFileSync(configPath, JSON.stringify(config));
  // BENCH_HUB_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the hub while it is measured.
  const nodeArgs = process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(repo, entry)], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      OFFICE_CONFIG: configPath,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let bootstrapCode: string | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { url?: string; pairingCode?: string };
        if (entry.pairingCode) bootstrapCode = entry.pairingCode;
        if (entry.url) resolve(entry.url);
      } catch {
        // not a log line
      }
    });
  });
  return {
    child,
    url,
    ...(bootstrapCode ? { bootstrapCode } : {}),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
