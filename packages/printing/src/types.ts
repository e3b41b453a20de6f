import type { Language, WaitEstimate } from '@bb/protocol';

/** One concern on the ticket: its name in the visitor's language, the German name and what to bring. */
export interface TicketService {
  name: string;
  nameDe: string;
  /** Documents to bring, in the visitor's language. */
  bring: string[];
}

/** Everything a printed ticket shows. The hub (or kiosk) fills it; this package never looks anything up. */
export interface TicketPrintData {
  /** Identifies the print job: printing the same ticket id twice prints once. */
  ticketId: string;
  officeName: string;
  /** PNG bytes or a path to a PNG file. */
  logo?: Uint8Array | string;
  /** Ticket number as called, e.g. "A017". */
  number: string;
  services: TicketService[];
  language: Language;
  /** Instant (ms since epoch) the ticket was issued. */
  issuedAt: number;
  /** IANA zone of the office; default Europe/Berlin. */
  timeZone?: string;
  estimate: WaitEstimate;
  /** People waiting ahead of this visitor. */
  ahead: number;
  /** Ticket status page, encoded in the QR code. */
  statusUrl: string;
  /** Footer text, already in the visitor's language (or German). */
  footer?: string;
  /** Booked appointment slot (instant ms) when the ticket comes from a check-in. */
  appointmentAt?: number;
}

export type PaperWidth = 80 | 58;
export type PrinterModel = 'epson' | 'star';
export type Align = 'left' | 'center' | 'right';

/** The abstract ticket: a list of blocks that the ESC/POS encoder and the PNG preview both render. */
export type PrintBlock =
  | { kind: 'text'; text: string; size: number; bold: boolean; align: Align }
  | { kind: 'image'; png: Uint8Array | string }
  | { kind: 'qr'; data: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

export type FailureReason = 'offline' | 'paperOut' | 'coverOpen' | 'timeout' | 'error';

export type PrintResult =
  | {
      ok: true;
      ticketId: string;
      copy: boolean;
      printedAt: number;
      bytes: number;
      /** Printer status right after the job, when the connection can report it. */
      statusAfter?: PrinterStatus;
    }
  | { ok: false; ticketId: string; reason: FailureReason; message: string; status?: PrinterStatus };
