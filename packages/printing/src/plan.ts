import { pickCodePage, plainText, type CodePage } from './codepages.ts';
import { columns, PAPER_DOTS, wrapColumns } from './paper.ts';
import { fitImage, renderTextImage, type Raster } from './raster.ts';
import type { Align, PaperWidth, PrintBlock, PrinterModel } from './types.ts';

/** A block resolved for one printer: text wrapped and given a code page, or turned into an image. */
export type PlannedItem =
  | { kind: 'text'; lines: string[]; page: CodePage; size: number; bold: boolean; align: Align }
  | { kind: 'image'; raster: Raster }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

// Control bytes inside office texts could turn into printer commands (or a status query).
const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c === '\u007f';
const withoutControls = (text: string): string => [...text].map((c) => (isControl(c) ? ' ' : c)).join('');

/**
 * Decides once how each block prints, so the ESC/POS bytes and the PNG preview show the same
 * lines, the same wrapping and the same text-as-image fallbacks.
 */
export async function planBlocks(
  blocks: PrintBlock[],
  model: PrinterModel,
  width: PaperWidth,
): Promise<PlannedItem[]> {
  const items: PlannedItem[] = [];
  let current: CodePage | undefined;
  for (const block of blocks) {
    switch (block.kind) {
      case 'text': {
        const text = plainText(withoutControls(block.text));
        const page = pickCodePage(text, model, current);
        if (page) {
          current = page;
          const lines = wrapColumns(text, columns(width, block.size));
          items.push({ kind: 'text', lines, page, size: block.size, bold: block.bold, align: block.align });
        } else {
          const raster = renderTextImage(block.text, PAPER_DOTS[width], block.size, block.bold, block.align);
          items.push({ kind: 'image', raster });
        }
        break;
      }
      case 'rule': {
        const page = current ?? pickCodePage('-', model);
        if (page)
          items.push({
            kind: 'text',
            lines: ['-'.repeat(columns(width))],
            page,
            size: 1,
            bold: false,
            align: 'left',
          });
        break;
      }
      case 'image':
        items.push({ kind: 'image', raster: await fitImage(block.png, PAPER_DOTS[width]) });
        break;
      default:
        items.push(block);
    }
  }
  return items;
}
