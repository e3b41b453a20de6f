import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { QR_CELL } from './encoder.ts';
import { registerFonts } from './fonts.ts';
import { layoutTicket } from './layout.ts';
import { FONT_A, PAPER_DOTS } from './paper.ts';
import { planBlocks, type PlannedItem } from './plan.ts';
import type { PaperWidth, PrinterModel, TicketPrintData } from './types.ts';

const MARGIN = 16;
const LINE_GAP = 6; // printers leave a few dots between lines
// DejaVu Sans Mono advances 0.602 em, so 20 px gives font A's 12-dot cell.
const MONO_PX = FONT_A.width / 0.602;

function heightOf(item: PlannedItem, width: PaperWidth): number {
  switch (item.kind) {
    case 'text':
      return item.lines.length * (FONT_A.height * item.size + LINE_GAP);
    case 'image':
      return item.raster.height;
    case 'qr':
      return (
        QRCode.create(item.data, { errorCorrectionLevel: 'M' }).modules.size * QR_CELL[width] + FONT_A.height
      );
    case 'feed':
      return item.lines * (FONT_A.height + LINE_GAP);
    case 'cut':
      return 12;
  }
}

async function draw(ctx: SKRSContext2D, item: PlannedItem, y: number, width: PaperWidth): Promise<void> {
  const dots = PAPER_DOTS[width];
  if (item.kind === 'text') {
    ctx.font = `${item.bold ? 'bold ' : ''}${MONO_PX * item.size}px "DejaVu Sans Mono"`;
    item.lines.forEach((line, i) => {
      const w = [...line].length * FONT_A.width * item.size;
      const x = item.align === 'left' ? 0 : item.align === 'center' ? Math.floor((dots - w) / 2) : dots - w;
      const top = y + i * (FONT_A.height * item.size + LINE_GAP);
      ctx.fillText(line, MARGIN + x, top);
    });
  } else if (item.kind === 'image') {
    ctx.drawImage(await loadImage(item.raster.png), MARGIN, y);
  } else if (item.kind === 'qr') {
    const qr = QRCode.create(item.data, { errorCorrectionLevel: 'M' }).modules;
    const cell = QR_CELL[width];
    const left = MARGIN + Math.floor((dots - qr.size * cell) / 2);
    for (let r = 0; r < qr.size; r++)
      for (let c = 0; c < qr.size; c++)
        if (qr.get(r, c)) ctx.fillRect(left + c * cell, y + r * cell, cell, cell);
  } else if (item.kind === 'cut') {
    ctx.setLineDash([6, 6]);
    ctx.strokeRect(0, y + 6, dots + 2 * MARGIN, 0);
  }
}

/** The ticket as a PNG, rendered from the same blocks and the same plan the printer gets. */
export async function renderPreview(
  data: TicketPrintData,
  width: PaperWidth,
  model: PrinterModel = 'epson',
  copy = false,
): Promise<Buffer> {
  registerFonts();
  const items = await planBlocks(
    layoutTicket(data, { width, copy, maxScale: model === 'star' ? 6 : 8 }),
    model,
    width,
  );
  const height = items.reduce((sum, item) => sum + heightOf(item, width), 2 * MARGIN);
  const canvas = createCanvas(PAPER_DOTS[width] + 2 * MARGIN, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  let y = MARGIN;
  for (const item of items) {
    await draw(ctx, item, y, width);
    y += heightOf(item, width);
  }
  return canvas.toBuffer('image/png');
}
