// Time from job start (print() called) to the last byte at the printer, over real TCP to the fake printer.
// Run: npx tsx packages/printing/scripts/bench.ts [jobs per case, default 200]
import { performance } from 'node:perf_hooks';
import {
  arabicTicket,
  FakePrinter,
  sampleTicket,
  TicketPrinter,
  type PaperWidth,
  type TicketPrintData,
} from '../src/index.ts';

const jobs = Number(process.argv[2] ?? 200);
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (ms: number): number => Math.round(ms * 10) / 10;

const fake = await FakePrinter.start();
const figures: Record<string, { p50: number; p99: number; bytes: number }> = {};
const cases: [string, TicketPrintData, PaperWidth][] = [
  ['de-80', sampleTicket(), 80],
  ['de-58', sampleTicket(), 58],
  ['ar-80', arabicTicket(), 80],
  ['ar-58', arabicTicket(), 58],
];
for (const [name, ticket, width] of cases) {
  const printer = new TicketPrinter({ target: fake.url, width });
  await printer.print({ ...ticket, ticketId: `${name}-warm-up` }); // fonts, JIT
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < jobs; i++) {
    const started = performance.now();
    const result = await printer.print({ ...ticket, ticketId: `${name}-${i}` });
    const job = fake.jobs.at(-1);
    if (!result.ok || !job) throw new Error(`job failed: ${JSON.stringify(result)}`);
    times.push(job.lastByteAt - started);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  figures[name] = { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), bytes };
  console.log(
    `${name}: p50 ${figures[name].p50} ms, p99 ${figures[name].p99} ms, ${bytes} bytes per ticket (${jobs} jobs)`,
  );
}
await fake.stop();
console.log(
  JSON.stringify({
    benchmark: 'printing.jobStartToLastByte',
    unit: 'ms',
    jobs,
    node: process.version,
    figures,
  }),
);
