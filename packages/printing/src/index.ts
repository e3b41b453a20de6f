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
export { TicketPrinter, type TicketPrinterOptions } from './ticket-printer.ts';
export { FakePrinter, type FakeJob, type FakePrinterMode } from './fake-printer.ts';
export { parseTarget, type Target } from './target.ts';
export { arabicTicket, sampleTicket } from './samples.ts';
