import type { OfficeState } from './state.ts';

export interface NumberChoice {
  seqNo: number;
  number: string;
}

/**
 * The next free number for a prefix: counts up from the last one issued today, wraps at the end of the
 * range, and skips any number a live ticket still holds (so a wrap never produces two live A017).
 */
export function nextNumber(state: OfficeState, prefix: string, sameDay: boolean): NumberChoice | null {
  const { from, to } = state.config.rules.numberRange;
  const taken = new Set<number>();
  // The state holds live tickets only: each of them holds its number.
  for (const t of state.tickets.values()) if (t.prefix === prefix) taken.add(t.seqNo);
  const last = sameDay ? state.lastSeqNo.get(prefix) : undefined;
  const size = to - from + 1;
  const start = last === undefined ? from : last + 1;
  for (let i = 0; i < size; i++) {
    const seqNo = from + ((((start - from + i) % size) + size) % size);
    if (!taken.has(seqNo)) return { seqNo, number: formatNumber(prefix, seqNo, to) };
  }
  return null;
}

/** "A" + 17 -> "A017": padded to the width of the range's end so numbers line up on the display. */
export function formatNumber(prefix: string, seqNo: number, rangeEnd: number): string {
  return prefix + String(seqNo).padStart(String(rangeEnd).length, '0');
}

/** What a visitor types at the kiosk ("a 17", "A17") -> the printed form ("A017"). */
export function normaliseNumber(input: string, rangeEnd: number): string | null {
  const m = /^\s*([A-Za-z]{1,2})\s*-?\s*(\d{1,4})\s*$/.exec(input);
  if (!m) return null;
  return formatNumber(m[1]!.toUpperCase(), Number(m[2]), rangeEnd);
}
