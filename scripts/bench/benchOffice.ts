import type { OfficeConfigInput } from '@bb/protocol';
import { hashPin } from '../../apps/hub/src/auth/pin.ts';

export const BENCH_PIN = '2468';
const allDay = [{ from: '00:00', to: '24:00' }];

/** An office open around the clock with `counters` desks and one clerk each, so the bench runs at any hour. */
export async function benchOffice(counters: number): Promise<OfficeConfigInput> {
  const pinHash = await hashPin(BENCH_PIN);
  return {
    office: { id: 'bench', name: 'Bürgerbüro Benchmark' },
    languages: ['de', 'en'],
    services: [
      // Short handling times so a large queue never runs past closing time.
      { id: 'pa', prefix: 'A', name: { de: 'Personalausweis' }, averageMinutes: 0.5 },
      { id: 'um', prefix: 'B', name: { de: 'Ummeldung' }, averageMinutes: 0.5 },
    ],
    counters: Array.from({ length: counters }, (_, i) => ({ id: `c${i + 1}`, label: `Platz ${i + 1}` })),
    clerks: Array.from({ length: counters }, (_, i) => ({
      id: `k${i + 1}`,
      name: `Clerk ${i + 1}`,
      pinHash,
    })),
    openingHours: {
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    },
    rules: { numberRange: { from: 1, to: 9999 } },
  };
}
