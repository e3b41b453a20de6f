import type { PaperWidth } from './types.ts';

/** Printable dots per line at 203 dpi (Epson TM-T88 / Star TSP100 class). */
export const PAPER_DOTS: Record<PaperWidth, number> = { 80: 576, 58: 384 };
/** Font A is 12 x 24 dots, so a line holds dots / 12 characters at size 1. */
export const FONT_A = { width: 12, height: 24 } as const;

export function columns(width: PaperWidth, size = 1): number {
  return Math.floor(PAPER_DOTS[width] / (FONT_A.width * size));
}

/** Word-wraps a paragraph into lines of at most `cols` characters (long words are split). */
export function wrapColumns(text: string, cols: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while ([...rest].length > cols) {
        if (line) lines.push(line);
        line = '';
        const chars = [...rest];
        lines.push(chars.slice(0, cols).join(''));
        rest = chars.slice(cols).join('');
      }
      const candidate = line ? `${line} ${rest}` : rest;
      if ([...candidate].length <= cols) line = candidate;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}
