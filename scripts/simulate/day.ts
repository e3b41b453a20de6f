// A realistic office day driven through the real rules (decide/evolve), reproducible from a seed.
// Used by the benchmark to build a year of history, and handy for trying estimates and statistics.
import type { CommandInput, DomainCommand, DomainEvent, OfficeConfig } from '@bb/protocol';
import { decide, evolve, initialState, openingStatus, type OfficeState } from '@bb/core';

const MINUTE_MS = 60_000;

/** Small, fast, seedable PRNG (mulberry32), so a simulated day is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedDay {
  events: DomainEvent[];
  state: OfficeState;
}

/**
 * One business day from opening to day close: walk-ins arrive at `arrivalsPerMinute`, every counter is
 * staffed, 8 % of called visitors do not appear at first, service takes about the configured average.
 */
export function simulateDay(
  config: OfficeConfig,
  openAt: number,
  opts: { seed?: number; arrivalsPerMinute?: number; start?: OfficeState } = {},
): SimulatedDay {
  const random = prng(opts.seed ?? 1);
  let state = opts.start ?? initialState(config);
  const events: DomainEvent[] = [];
  let n = 0;
  const run = (now: number, cmd: Exclude<CommandInput, { type: `device.${string}` }>) => {
    const d = decide(state, { id: `sim-${++n}-command`, ...cmd } as DomainCommand, now);
    if (!d.ok) return undefined;
    for (const e of d.events) {
      state = evolve(state, e);
      events.push(e);
    }
    return d.events;
  };
  const desks = config.counters.map((c, i) => ({
    id: c.id,
    clerk: config.clerks[i % config.clerks.length]!.id,
    busyUntil: 0,
  }));
  for (const desk of desks)
    run(openAt, {
      type: 'clerk.login',
      counterId: desk.id,
      clerkId: desk.clerk,
      pin: '0000',
      services: [],
      appointmentsOnly: false,
    });
  const walkIns = config.services.filter((s) => !s.appointmentOnly);
  for (let now = openAt; openingStatus(config, now).open || hasWork(state); now += MINUTE_MS) {
    if (openingStatus(config, now).open) {
      const arrivals = poisson(random, opts.arrivalsPerMinute ?? 2);
      for (let i = 0; i < arrivals; i++) {
        const service = walkIns[Math.floor(random() ** 1.5 * walkIns.length)]!;
        run(now, { type: 'ticket.issue', services: [service.id], language: random() < 0.8 ? 'de' : 'en' });
      }
    }
    for (const desk of desks) step(desk, now);
    if (now > openAt + 16 * 60 * MINUTE_MS) break; // never loop forever on a stuck queue
  }
  run(openAt + 16 * 60 * MINUTE_MS, { type: 'day.close' });
  return { events, state };

  function step(desk: { id: string; busyUntil: number }, now: number) {
    const held = state.counters.get(desk.id)?.ticketId;
    const t = held ? state.tickets.get(held) : undefined;
    if (t?.status === 'called') {
      if (random() < 0.08) run(now, { type: 'ticket.markNotAppeared', ticketId: t.id, counterId: desk.id });
      else {
        run(now, { type: 'ticket.start', ticketId: t.id, counterId: desk.id });
        const avg = config.services.find((s) => s.id === t.services[0])!.averageMinutes;
        desk.busyUntil = now + Math.round(avg * (0.5 + random())) * MINUTE_MS;
      }
    } else if (t?.status === 'serving') {
      if (now >= desk.busyUntil)
        run(now, {
          type: 'ticket.finish',
          ticketId: t.id,
          counterId: desk.id,
          handledServices: [t.services[0]!],
        });
    } else run(now, { type: 'counter.callNext', counterId: desk.id });
  }
}

function hasWork(state: OfficeState): boolean {
  for (const t of state.tickets.values()) if (t.status === 'called' || t.status === 'serving') return true;
  return false;
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}
