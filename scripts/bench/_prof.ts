import { hubLatency } from './latency.ts';

console.log(await hubLatency(30, 10, 4, 300));
