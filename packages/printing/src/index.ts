export type {
  Align,
  FailureReason,
  PaperWidth,
  PrintBlock,
  PrinterModel,
  PrinterStatus,
  PrintResult,
  TicketPrintData,
  TicketService,
} from './types.ts';
export { LABELS, label, type LabelKey } from './labels.ts';
export { layoutTicket, type LayoutOptions } from './layout.ts';
export { encodeBlocks, type EncodeOptions } from './encoder.ts';
export { decodeEscPos, type DecodedImage, type DecodedLine, type DecodedTicket } from './decoder.ts';
export { renderPreview } from './preview.ts';
export { CODE_PAGES, type CodePage } from './codepages.ts';
