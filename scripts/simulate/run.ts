// Prints the figures of one simulated day of the demo office: `npx tsx scripts/simulate/run.ts [YYYY-MM-DD]`
import { readFileSync } from 'node:fs';
import { OfficeConfig } from '@bb/protocol';
import { dayStatistics } from '@bb/core';
import { DateTime } from 'luxon';
import { simulateDay } from './day.ts';

const config = OfficeConfig.parse(
  JSON.parse(readFileSync(new URL('../../apps/hub/config/demo-office.json', import.meta.url), 'utf8')),
);
const day = process.argv[2] ?? '2026-11-23';
const openAt = DateTime.fromISO(`${day}T08:00`, { zone: config.office.timeZone }).toMillis();
const { events } = simulateDay(config, openAt, { seed: 7, arrivalsPerMinute: 0.8 });
const stats = dayStatistics(day, events, config.office.timeZone);
const min = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 60_000).toFixed(1));
console.log(`${day}: ${stats.visitors} visitors, ${events.length} events`);
for (const r of stats.rows.filter((r) => r.hour === null))
  console.log(
    `${r.serviceId.padEnd(14)} tickets ${String(r.tickets).padStart(4)}  done ${String(r.finished).padStart(4)}  no-shows ${r.noShows}  wait median ${min(r.waitingMs?.median)} p90 ${min(r.waitingMs?.p90)} min`,
  );
