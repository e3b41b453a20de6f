import { PNG } from 'pngjs';
import type { DecodedImage, DecodedTicket } from './decoder.ts';
import { PAPER_DOTS } from './paper.ts';
import { renderTextImage } from './raster.ts';
import type { Align, PaperWidth } from './types.ts';

/** Non-empty printed text lines. */
export const texts = (ticket: DecodedTicket): string[] =>
  ticket.lines.map((l) => l.text).filter((t) => t.trim() !== '');

/** True when one of the printed images shows exactly this text (as the rasterizer draws it). */
export function printedAsImage(
  ticket: DecodedTicket,
  text: string,
  width: PaperWidth,
  bold = false,
  align: Align = 'right',
): boolean {
  const png = PNG.sync.read(renderTextImage(text, PAPER_DOTS[width], 1, bold, align).png);
  const expected = (x: number, y: number): number =>
    (png.data[(y * png.width + x) * 4] ?? 255) < 128 ? 1 : 0;
  return ticket.images.some((image: DecodedImage) => {
    // Star prints images in bands of 24 rows, so its copy may have a few blank rows more.
    if (image.height < png.height || image.height - png.height >= 24 || image.width < png.width) return false;
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < png.width; x++)
        if (image.dots[y * image.width + x] !== expected(x, y)) return false;
    return true;
  });
}
