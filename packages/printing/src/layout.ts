import { RTL_LANGUAGES } from '@bb/protocol';
import { formatDateTime } from './format.ts';
import { label, type LabelKey } from './labels.ts';
import { columns } from './paper.ts';
import type { Align, PaperWidth, PrintBlock, TicketPrintData } from './types.ts';

export interface LayoutOptions {
  width: PaperWidth;
  /** Largest character magnification the printer has (Epson 8, Star 6). */
  maxScale?: number;
  /** Marks the ticket as a reprint. */
  copy?: boolean;
}

/** The one ticket layout: print data in, abstract blocks out. Encoder and preview both render these. */
export function layoutTicket(data: TicketPrintData, options: LayoutOptions): PrintBlock[] {
  const { language } = data;
  const rtl = RTL_LANGUAGES.includes(language);
  const blocks: PrintBlock[] = [];
  const text = (value: string, align: Align = 'left', bold = false, size = 1): void => {
    // Left means "start of line": right-to-left text starts on the right.
    const aligned: Align = rtl && align === 'left' ? 'right' : align;
    blocks.push({ kind: 'text', text: value, size, bold, align: aligned });
  };
  // German first; the visitor's language below it when it differs.
  const both = (key: LabelKey, suffix = '', align: Align = 'left', bold = false, params = {}): void => {
    blocks.push({ kind: 'text', text: label('de', key, params) + suffix, size: 1, bold, align });
    if (language !== 'de') text(label(language, key, params) + suffix, align, bold);
  };
  const rule = (): void => void blocks.push({ kind: 'rule' });

  if (data.logo) blocks.push({ kind: 'image', png: data.logo });
  blocks.push({ kind: 'text', text: data.officeName, size: 2, bold: true, align: 'center' });
  if (options.copy) both('copy', '', 'center', true);
  rule();

  both('yourNumber', '', 'center');
  const numberSize = Math.max(
    1,
    Math.min(options.maxScale ?? 8, Math.floor(columns(options.width) / [...data.number].length)),
  );
  blocks.push({ kind: 'text', text: data.number, size: numberSize, bold: true, align: 'center' });
  rule();

  for (const service of data.services) {
    text(service.name, 'left', true);
    if (service.nameDe !== service.name)
      blocks.push({ kind: 'text', text: `(${service.nameDe})`, size: 1, bold: false, align: 'left' });
  }
  rule();

  const { minMinutes: min, maxMinutes: max } = data.estimate;
  both('waitTime', ':', 'left', true);
  both('waitRange', '', 'left', false, { min, max });
  both('ahead', `: ${data.ahead}`);
  if (data.appointmentAt !== undefined) {
    both('appointment', `: ${formatDateTime(data.appointmentAt, data.timeZone).time}`, 'left', true);
  }

  const withBring = data.services.filter((s) => s.bring.length > 0);
  if (withBring.length > 0) {
    rule();
    both('bring', ':', 'left', true);
    for (const service of withBring) {
      if (data.services.length > 1) text(service.name, 'left', true);
      for (const item of service.bring) text(`- ${item}`);
    }
  }
  rule();

  blocks.push({ kind: 'qr', data: data.statusUrl });
  both('statusPage', '', 'center');
  const issued = formatDateTime(data.issuedAt, data.timeZone);
  blocks.push({ kind: 'text', text: `${issued.date} ${issued.time}`, size: 1, bold: false, align: 'center' });
  if (data.footer) {
    rule();
    text(data.footer, 'center');
  }
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return blocks;
}
