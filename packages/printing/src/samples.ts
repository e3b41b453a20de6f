import type { TicketPrintData } from './types.ts';

/** Example tickets for previews, the benchmark and tests. */
export function sampleTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return {
    ticketId: 't-2026-11-21-a017',
    officeName: 'Bürgerbüro Mitte',
    number: 'A017',
    services: [
      {
        name: 'Personalausweis beantragen',
        nameDe: 'Personalausweis beantragen',
        bring: ['Altes Ausweisdokument', 'Biometrisches Passfoto', 'Gebühr 37,00 € (EC-Karte)'],
      },
    ],
    language: 'de',
    issuedAt: Date.UTC(2026, 10, 21, 8, 14),
    timeZone: 'Europe/Berlin',
    estimate: { minMinutes: 15, maxMinutes: 25 },
    ahead: 4,
    statusUrl: 'https://buergerbuero.example/t/8f3k2q',
    footer: 'Bitte achten Sie auf die Anzeige. Grüße aus dem Straßenverkehrsamt!',
    ...overrides,
  };
}

export function arabicTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return sampleTicket({
    ticketId: 't-2026-11-21-b042',
    number: 'B042',
    language: 'ar',
    services: [
      { name: 'تسجيل السكن', nameDe: 'Anmeldung einer Wohnung', bring: ['جواز السفر', 'شهادة المؤجر'] },
      { name: 'شهادة حسن السيرة والسلوك', nameDe: 'Führungszeugnis', bring: ['بطاقة الهوية'] },
    ],
    estimate: { minMinutes: 20, maxMinutes: 35 },
    ahead: 7,
    footer: 'يرجى متابعة الشاشة. شكراً لزيارتكم',
    ...overrides,
  });
}
