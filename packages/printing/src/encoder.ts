import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { encodeText, type CodePage } from './codepages.ts';
import { planBlocks } from './plan.ts';
import { starQr, starTextSize } from './star.ts';
import type { PaperWidth, PrintBlock, PrinterModel } from './types.ts';

export interface EncodeOptions {
  model: PrinterModel;
  width: PaperWidth;
}

const ESC_AT = Buffer.from([0x1b, 0x40]);
export const QR_CELL: Record<PaperWidth, number> = { 80: 6, 58: 5 };

/** ESC t n (Epson) / ESC GS t n (Star): our own table, because the library's names do not cover WPC1251 on Star. */
function selectCodePage(model: PrinterModel, page: CodePage): Buffer {
  return Buffer.from(model === 'epson' ? [0x1b, 0x74, page.number] : [0x1b, 0x1d, 0x74, page.number]);
}

/** QR payloads must be ASCII (both command sets count bytes); URL syntax makes that lossless. */
function asciiUrl(url: string): string {
  return /^[\x20-\x7e]*$/.test(url) ? url : new URL(url).href;
}

/**
 * Blocks to ESC/POS bytes. node-thermal-printer builds the command bytes (alignment, emphasis,
 * Epson sizes and QR, raster images, cuts); code pages, Star sizes and the Star QR are ours.
 */
export async function encodeBlocks(blocks: PrintBlock[], { model, width }: EncodeOptions): Promise<Buffer> {
  const printer = new ThermalPrinter({
    type: model === 'epson' ? PrinterTypes.EPSON : PrinterTypes.STAR,
    interface: '', // no transport: we only use it to build bytes
    width: 48,
  });
  printer.add(ESC_AT);
  let page: CodePage | undefined;
  for (const item of await planBlocks(blocks, model, width)) {
    switch (item.kind) {
      case 'text':
        if (item.page !== page) printer.add(selectCodePage(model, (page = item.page)));
        if (item.align === 'center') printer.alignCenter();
        else if (item.align === 'right') printer.alignRight();
        else printer.alignLeft();
        printer.bold(item.bold);
        if (model === 'epson') printer.setTextSize(item.size - 1, item.size - 1);
        else printer.add(starTextSize(item.size));
        for (const line of item.lines) {
          printer.add(encodeText(line, item.page));
          printer.newLine();
        }
        break;
      case 'image':
        printer.alignLeft();
        await printer.printImageBuffer(item.raster.png);
        break;
      case 'qr':
        printer.alignCenter();
        if (model === 'epson')
          printer.printQR(asciiUrl(item.data), { cellSize: QR_CELL[width], correction: 'M', model: 2 });
        else printer.add(starQr(asciiUrl(item.data), QR_CELL[width]));
        printer.newLine();
        break;
      case 'feed':
        for (let i = 0; i < item.lines; i++) printer.newLine();
        break;
      case 'cut':
        printer.partialCut({ verticalTabAmount: 1 });
        break;
    }
  }
  return printer.getBuffer();
}
