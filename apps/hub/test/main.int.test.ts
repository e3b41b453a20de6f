import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const startHub = (env: Record<string, string>) =>
  new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/hub/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });

describe('npm start with a broken office file', () => {
  it('exits with a message naming the field, and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-main-'));
    const json = JSON.parse(readFileSync(join(ROOT, 'apps/hub/config/demo-office.json'), 'utf8'));
    json.services[2].prefix = 'h';
    writeFileSync(join(dir, 'office.json'), JSON.stringify(json));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/hub/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        OFFICE_CONFIG: join(dir, 'office.json'),
        DATA_DIR: join(dir, 'data'),
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('services[2].prefix: prefix must be one or two capital letters');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm start on a port another program uses', () => {
  it('exits saying so in plain words, and no stack trace', async () => {
    const other = createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'bb-main-'));
      const run = await startHub({ DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `bb-hub: port ${port} is already in use by another program: stop it or set PORT`,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      other.close();
    }
  });
});
