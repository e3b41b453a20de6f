import { parse } from 'csv-parse/sync';

/** Column names of the booking system's export (see the README, "Appointment import as CSV"). */
export const APPOINTMENT_CSV_COLUMNS = [
  'appointmentId',
  'bookingCode',
  'services',
  'slotAt',
  'name',
  'note',
] as const;

// ISO 8601 with an explicit offset: a slot without one would be read in the hub's own zone, silently wrong.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type CsvResult = { ok: true; appointments: unknown[] } | { ok: false; message: string };

/**
 * Turns the CSV export into appointment objects for the `appointments.import` command; the command's schema
 * then validates them like any JSON import. Only shape problems the schema cannot see are reported here.
 */
export function parseAppointmentsCsv(text: string): CsvResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      delimiter: [',', ';'],
    });
  } catch (err) {
    return { ok: false, message: `CSV: ${(err as Error).message}`.slice(0, 300) };
  }
  const appointments: unknown[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 2; // header is line 1
    for (const column of ['appointmentId', 'bookingCode', 'services', 'slotAt'] as const)
      if (!row[column]) return { ok: false, message: `CSV line ${line}: ${column} is missing` };
    const slotText = row.slotAt!;
    if (!ISO_WITH_OFFSET.test(slotText))
      return {
        ok: false,
        message: `CSV line ${line}: slotAt must be ISO 8601 with offset, e.g. 2026-11-23T09:30:00+01:00`,
      };
    appointments.push({
      appointmentId: row.appointmentId,
      bookingCode: row.bookingCode,
      services: row
        .services!.split('|')
        .map((s) => s.trim())
        .filter(Boolean),
      slotAt: Date.parse(slotText),
      ...(row.name ? { name: row.name } : {}),
      ...(row.note ? { note: row.note } : {}),
    });
  }
  return { ok: true, appointments };
}
