import type { Db } from './db.ts';

/**
 * Personal data (appointment holders' names and notes, clerks' transfer notes) and public status tokens,
 * kept apart from the event log and deleted after `rules.retentionDays`.
 */
export class PersonalStore {
  private readonly upsertAppointment;
  private readonly deleteAppointment;
  private readonly selectAppointment;
  private readonly insertNote;
  private readonly selectNotes;
  private readonly insertToken;
  private readonly selectToken;
  private readonly pruneAppointments;
  private readonly pruneNotes;
  private readonly pruneTokens;
  // Which tickets and appointments have personal data at all. Counter views ask for every ticket they show,
  // on every change; almost none have any, so these sets spare those queries. Exact: the hub is the only writer.
  private readonly ticketsWithNotes = new Set<string>();
  private readonly appointmentsWithData = new Set<string>();
  private readonly selectNoteTickets;
  private readonly selectAppointmentIds;

  constructor(db: Db) {
    this.selectNoteTickets = db.prepare('SELECT DISTINCT ticket_id FROM ticket_notes').pluck();
    this.selectAppointmentIds = db.prepare('SELECT appointment_id FROM appointment_personal').pluck();
    this.upsertAppointment = db.prepare(
      `INSERT INTO appointment_personal (appointment_id, name, note, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(appointment_id) DO UPDATE SET name = excluded.name, note = excluded.note`,
    );
    this.deleteAppointment = db.prepare('DELETE FROM appointment_personal WHERE appointment_id = ?');
    this.selectAppointment = db.prepare(
      'SELECT name, note FROM appointment_personal WHERE appointment_id = ?',
    );
    this.insertNote = db.prepare('INSERT INTO ticket_notes (ticket_id, note, created_at) VALUES (?, ?, ?)');
    this.selectNotes = db.prepare('SELECT note FROM ticket_notes WHERE ticket_id = ? ORDER BY id').pluck();
    this.insertToken = db.prepare(
      'INSERT INTO status_tokens (token_hash, ticket_id, created_at) VALUES (?, ?, ?)',
    );
    this.selectToken = db.prepare('SELECT ticket_id FROM status_tokens WHERE token_hash = ?').pluck();
    this.pruneAppointments = db.prepare('DELETE FROM appointment_personal WHERE created_at < ?');
    this.pruneNotes = db.prepare('DELETE FROM ticket_notes WHERE created_at < ?');
    this.pruneTokens = db.prepare('DELETE FROM status_tokens WHERE created_at < ?');
    this.loadIndex();
  }

  private loadIndex(): void {
    this.ticketsWithNotes.clear();
    this.appointmentsWithData.clear();
    for (const id of this.selectNoteTickets.all() as string[]) this.ticketsWithNotes.add(id);
    for (const id of this.selectAppointmentIds.all() as string[]) this.appointmentsWithData.add(id);
  }

  /** Re-importing an appointment replaces its personal data; no name and no note removes it. */
  setAppointment(
    appointmentId: string,
    name: string | undefined,
    note: string | undefined,
    now: number,
  ): void {
    if (!name && !note) {
      this.deleteAppointment.run(appointmentId);
      this.appointmentsWithData.delete(appointmentId);
    } else {
      this.upsertAppointment.run(appointmentId, name ?? null, note ?? null, now);
      this.appointmentsWithData.add(appointmentId);
    }
  }

  appointment(appointmentId: string): { name?: string; note?: string } | undefined {
    if (!this.appointmentsWithData.has(appointmentId)) return undefined;
    const row = this.selectAppointment.get(appointmentId) as
      { name: string | null; note: string | null } | undefined;
    if (!row) return undefined;
    return { ...(row.name ? { name: row.name } : {}), ...(row.note ? { note: row.note } : {}) };
  }

  addTicketNote(ticketId: string, note: string, now: number): void {
    this.insertNote.run(ticketId, note, now);
    this.ticketsWithNotes.add(ticketId);
  }

  ticketNotes(ticketId: string): string[] {
    if (!this.ticketsWithNotes.has(ticketId)) return [];
    return this.selectNotes.all(ticketId) as string[];
  }

  addStatusToken(tokenHash: string, ticketId: string, now: number): void {
    this.insertToken.run(tokenHash, ticketId, now);
  }

  ticketForStatusToken(tokenHash: string): string | undefined {
    return this.selectToken.get(tokenHash) as string | undefined;
  }

  deleteOlderThan(cutoff: number): { appointments: number; notes: number; statusTokens: number } {
    const removed = {
      appointments: this.pruneAppointments.run(cutoff).changes,
      notes: this.pruneNotes.run(cutoff).changes,
      statusTokens: this.pruneTokens.run(cutoff).changes,
    };
    this.loadIndex();
    return removed;
  }
}
