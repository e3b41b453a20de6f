// `npm run bench`: the hub's figures, each beside its floor measured in the same run on the same machine.
// The last line is one JSON object with every figure.
import { broadcastFloor, insertFloor } from './floors.ts';
import { CALL_SPACING_MS, hubLatency } from './latency.ts';
import { hubStartup, nodeStartFloor } from './startup.ts';
import { round } from './stats.ts';
import { hubThroughput } from './throughput.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 600);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const HISTORY_TICKETS = Number(process.env.BENCH_HISTORY_TICKETS ?? 300_000);

const say = (text: string) => process.stderr.write(`${text}\n`);

say(`call-to-display latency: ${CALLS} calls, 30 counters, 10 displays, 4 kiosks connected`);
const floorLatency = await broadcastFloor(10, CALLS, CALL_SPACING_MS);
say(
  `  floor (bare Socket.IO relay to 10 clients): p50 ${round(floorLatency.p50)} ms, p99 ${round(floorLatency.p99)} ms`,
);
const latency = await hubLatency(30, 10, 4, CALLS);
say(
  `  hub: p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms (${latency.samples} display receipts)`,
);

say(
  `durable commands per second: ${COMMANDS} commands (4 kiosks issuing, 30 clerks calling, starting, finishing)`,
);
// This machine's fsync rate drifts from run to run: the floor is measured before and after the hub, averaged.
const floorBefore = insertFloor(COMMANDS).perSecond;
const throughput = await hubThroughput(4, COMMANDS);
const floorAfter = insertFloor(COMMANDS).perSecond;
const floorInserts = { perSecond: (floorBefore + floorAfter) / 2 };
say(
  `  floor (one better-sqlite3 insert per transaction, WAL, synchronous=FULL): ${round(floorInserts.perSecond, 0)}/s` +
    ` (before ${round(floorBefore, 0)}/s, after ${round(floorAfter, 0)}/s)`,
);
say(`  hub: ${round(throughput.perSecond, 0)}/s`);

say(`start-up with a year of history (about ${HISTORY_TICKETS} tickets)`);
const startup = await hubStartup(HISTORY_TICKETS);
const nodeFloor = await nodeStartFloor();
say(`  ${startup.tickets} tickets, ${startup.events} events over ${startup.days} days`);
say(`  floor (node + tsx doing nothing): ${round(nodeFloor, 0)} ms`);
say(`  hub: listening after ${round(startup.startMs, 0)} ms, RSS ${round(startup.rssMb, 1)} MB`);

const targets = {
  latencyP99Within2xFloor: latency.p99 <= 2 * floorLatency.p99,
  latencyP99Under50ms: latency.p99 < 50,
  throughputAtLeastHalfFloor: throughput.perSecond >= floorInserts.perSecond / 2,
  startupUnder1s: startup.startMs < 1000,
  rssUnder150MB: startup.rssMb < 150,
};
say(
  `targets: ${Object.entries(targets)
    .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
    .join(', ')}`,
);
console.log(
  JSON.stringify({
    latencyMs: {
      p50: round(latency.p50),
      p99: round(latency.p99),
      floorP50: round(floorLatency.p50),
      floorP99: round(floorLatency.p99),
    },
    commandsPerSecond: { hub: round(throughput.perSecond, 0), floor: round(floorInserts.perSecond, 0) },
    startup: {
      ms: round(startup.startMs, 0),
      nodeFloorMs: round(nodeFloor, 0),
      rssMb: round(startup.rssMb, 1),
      tickets: startup.tickets,
      events: startup.events,
    },
    targets,
  }),
);
