import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

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
