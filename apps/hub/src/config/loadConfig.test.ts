import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '@bb/protocol';
import { describe, expect, it } from 'vitest';
import { verifyPin } from '../auth/pin.ts';
import { ConfigError, loadOfficeConfig, parseOfficeConfig } from './loadConfig.ts';

const CONFIG_DIR = fileURLToPath(new URL('../../config/', import.meta.url));
const demoJson = () => JSON.parse(readFileSync(join(CONFIG_DIR, 'demo-office.json'), 'utf8'));

describe('office configuration', () => {
  it('points at the wrong field the way people read JSON', () => {
    const json = demoJson();
    json.services[2].prefix = 'a1';
    expect(() => parseOfficeConfig(json, 'office.json')).toThrow(
      /office\.json is invalid:\n {2}services\[2\]\.prefix: prefix must be one or two capital letters/,
    );
  });

  it('lists several problems at once and catches duplicates', () => {
    const json = demoJson();
    json.counters[1].id = json.counters[0].id;
    json.openingHours.weekly.mon = [{ from: '18:00', to: '08:00' }];
    const err = (() => {
      try {
        parseOfficeConfig(json);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err?.message).toContain("counters[1]: duplicate counter id 'platz-1'");
    expect(err?.message).toContain("openingHours.weekly.mon[0]: 'from' must be before 'to'");
  });

  it('says so when the file is missing or not JSON', () => {
    expect(() => loadOfficeConfig('/nonexistent/office.json')).toThrow(
      /cannot read office configuration .*ENOENT/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'bb-cfg-'));
    writeFileSync(join(dir, 'x.json'), '{ "office": ');
    expect(() => loadOfficeConfig(join(dir, 'x.json'))).toThrow(/is not valid JSON/);
  });

  it('the demo office is complete: all languages, eight desks, holidays, clerks with the documented PINs', async () => {
    const demo = loadOfficeConfig(join(CONFIG_DIR, 'demo-office.json'));
    expect(demo.counters.map((c) => c.label)).toEqual(Array.from({ length: 8 }, (_, i) => `Platz ${i + 1}`));
    for (const s of demo.services)
      for (const lang of LANGUAGES) expect(s.name[lang], `${s.id} ${lang}`).toBeTruthy();
    for (const s of demo.services)
      for (const b of s.bring) for (const lang of LANGUAGES) expect(b[lang]).toBeTruthy();
    expect(demo.openingHours.exceptions.filter((e) => e.closed).map((e) => e.date)).toContain('2027-03-26');
    expect(await verifyPin('1111', demo.clerks[0]!.pinHash)).toBe(true);
    expect(await verifyPin('8888', demo.clerks[7]!.pinHash)).toBe(true);
  });

  it('the always-open demo differs from the demo only in opening hours and name', () => {
    const open = JSON.parse(readFileSync(join(CONFIG_DIR, 'demo-office-always-open.json'), 'utf8'));
    const demo = demoJson();
    for (const key of ['services', 'counters', 'clerks', 'languages', 'texts'] as const)
      expect(open[key]).toEqual(demo[key]);
    expect(Object.values(open.openingHours.weekly)).toEqual(Array(7).fill([{ from: '00:00', to: '24:00' }]));
    loadOfficeConfig(join(CONFIG_DIR, 'demo-office-always-open.json'));
  });
});
