import { describe, expect, it } from 'vitest';
import { commands, parseCommand } from './commands.ts';
import { OfficeConfig } from './config.ts';

describe('parseCommand', () => {
  it('accepts a valid command and applies defaults', () => {
    const r = parseCommand({
      id: 'abcdefgh12',
      type: 'clerk.login',
      counterId: 'c1',
      clerkId: 'k1',
      pin: '1234',
      services: ['pa'],
    });
    expect(r).toEqual({
      ok: true,
      command: {
        id: 'abcdefgh12',
        type: 'clerk.login',
        counterId: 'c1',
        clerkId: 'k1',
        pin: '1234',
        services: ['pa'],
        appointmentsOnly: false,
      },
    });
  });

  it.each([
    [null, 'VALIDATION_FAILED'],
    [[1, 2], 'VALIDATION_FAILED'],
    ['ticket.issue', 'VALIDATION_FAILED'],
    [{ id: 'abcdefgh12', type: 'ticket.teleport' }, 'UNKNOWN_COMMAND'],
    [{ id: 'abcdefgh12', type: '__proto__' }, 'UNKNOWN_COMMAND'],
    [{ id: 'short', type: 'day.close' }, 'VALIDATION_FAILED'],
    [{ id: 'abcdefgh12', type: 'ticket.issue', services: [], language: 'de' }, 'VALIDATION_FAILED'],
    [{ id: 'abcdefgh12', type: 'ticket.issue', services: ['pa', 'pa'], language: 'de' }, 'VALIDATION_FAILED'],
    [{ id: 'abcdefgh12', type: 'ticket.issue', services: ['pa'], language: 'xx' }, 'VALIDATION_FAILED'],
    [
      { id: 'abcdefgh12', type: 'ticket.issue', services: ['pa'], language: 'de', extra: 1 },
      'VALIDATION_FAILED',
    ],
    [
      { id: 'abcdefgh12', type: 'clerk.login', counterId: 'c1', clerkId: 'k1', pin: '12', services: [] },
      'VALIDATION_FAILED',
    ],
  ])('refuses %j with %s', (input, code) => {
    const r = parseCommand(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.key).toBe(`error.${code}`);
      expect(r.error.message).not.toMatch(/at .*\.ts/); // no stack traces
    }
  });

  it('names the field that is wrong', () => {
    const r = parseCommand({ id: 'abcdefgh12', type: 'ticket.issue', services: ['PA!'], language: 'de' });
    expect(!r.ok && r.error.params?.field).toBe('services.0');
  });

  it('has a result schema for every command', () => {
    for (const [name, c] of Object.entries(commands)) expect(c.result, name).toBeDefined();
  });
});

describe('OfficeConfig', () => {
  const valid = {
    office: { id: 'mitte', name: 'Bürgerbüro Mitte' },
    services: [{ id: 'pa', prefix: 'A', name: { de: 'Personalausweis' }, averageMinutes: 10 }],
    counters: [{ id: 'c1', label: 'Platz 1' }],
    openingHours: { weekly: { mon: [{ from: '08:00', to: '12:00' }] } },
  };

  it('fills in every rule default of DOMAIN.md', () => {
    const c = OfficeConfig.parse(valid);
    expect(c.rules).toMatchObject({
      numberRange: { from: 1, to: 999 },
      maxCalls: 3,
      blockMinutes: 5,
      checkInEarlyMinutes: 30,
      checkInLateMinutes: 15,
      retentionDays: 90,
    });
    expect(c.office.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    [{ ...valid, services: [{ ...valid.services[0], prefix: 'a1' }] }, 'services.0.prefix'],
    [{ ...valid, services: [valid.services[0], valid.services[0]] }, 'services.1'],
    [{ ...valid, office: { ...valid.office, timeZone: 'Mars/Olympus' } }, 'office.timeZone'],
    [
      { ...valid, openingHours: { weekly: { mon: [{ from: '12:00', to: '08:00' }] } } },
      'openingHours.weekly.mon.0',
    ],
    [{ ...valid, counters: [{ id: 'c1', label: 'Platz 1', colour: 'red' }] }, 'counters.0'],
  ])('points at the wrong field (%#)', (input, path) => {
    const r = OfficeConfig.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
