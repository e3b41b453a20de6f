import { readFileSync } from 'node:fs';
import { OfficeConfig } from '@bb/protocol';
import type { z } from 'zod';

/** A configuration problem a person can fix: the message names the file and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `services[2].prefix` rather than `services.2.prefix`: how people read JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(top level)';
}

export function formatIssues(error: z.ZodError, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  if (error.issues.length > max) lines.push(`  … and ${error.issues.length - max} more`);
  return lines.join('\n');
}

/** Validates parsed JSON as an office configuration; throws ConfigError listing every wrong field. */
export function parseOfficeConfig(json: unknown, source = 'office configuration'): OfficeConfig {
  const parsed = OfficeConfig.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${source} is invalid:\n${formatIssues(parsed.error)}`);
  return parsed.data;
}

export function loadOfficeConfig(path: string): OfficeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `cannot read office configuration ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseOfficeConfig(json, path);
}
