import { adminView, counterView, displayView, kioskView, type PersonalLookup } from '@bb/core';
import type { CounterId, RoleView } from '@bb/protocol';
import type { Server } from 'socket.io';
import type { Engine } from '../engine/engine.ts';
import type { Device } from '../store/devices.ts';
import type { PersonalStore } from '../store/personal.ts';

/** Socket.IO room of a device's view: all displays share one view, all kiosks one, each counter its own. */
export function viewRoom(device: Pick<Device, 'role' | 'counterId'>): string {
  return device.role === 'counter' ? `counter:${device.counterId ?? ''}` : device.role;
}

export function deviceRoom(deviceId: string): string {
  return `device:${deviceId}`;
}

/** Names and notes for the caller panel; read from the personal table, never from events. */
export function personalLookup(personal: PersonalStore): PersonalLookup {
  return ({ ticketId, appointmentId }) => {
    const appointment = appointmentId ? personal.appointment(appointmentId) : undefined;
    const notes = [...(appointment?.note ? [appointment.note] : []), ...personal.ticketNotes(ticketId)];
    return { ...(appointment?.name ? { name: appointment.name } : {}), ...(notes.length ? { notes } : {}) };
  };
}

export function computeView(engine: Engine, room: string, now: number, personal: PersonalStore): RoleView {
  const state = engine.state;
  if (room === 'display') return displayView(state, now);
  if (room === 'kiosk') return kioskView(state, now);
  if (room === 'admin') return adminView(state, now);
  return counterView(state, room.slice('counter:'.length) as CounterId, now, personalLookup(personal));
}

/**
 * Pushes each room its view when it changed: computed once per room (not per socket), compared with the JSON
 * last sent to that room, so an unchanged screen gets no traffic.
 */
/**
 * Under a burst of changes, caller panels, kiosks and admin screens get at most one new view per this
 * interval (a person cannot tell 20 ms); the hall display always gets its view at once, since a call must
 * show and sound without delay. A lone change reaches every screen immediately.
 */
export const OTHER_VIEWS_MIN_INTERVAL_MS = 20;

export class ViewPublisher {
  private readonly lastSent = new Map<string, string>();
  private pending: NodeJS.Immediate | undefined;
  private othersTimer: NodeJS.Timeout | undefined;
  private othersAt = -Infinity;

  constructor(
    private readonly io: Server,
    private readonly engine: Engine,
    private readonly personal: PersonalStore,
    private readonly now: () => number,
  ) {}

  /** `now` is read once per round of publishing, so all panels share the queue ranked for that instant. */
  view(room: string, now = this.now()): { seq: number; view: RoleView } {
    return { seq: this.engine.seq, view: computeView(this.engine, room, now, this.personal) };
  }

  /**
   * Publishes once the current turn of the event loop is over: commands that arrive together (several kiosks
   * and counters at once) share one round of view building, and a lone command waits for nothing.
   */
  publish(): void {
    this.pending ??= setImmediate(() => {
      this.pending = undefined;
      this.publishRooms((room) => room === 'display');
      this.publishOthersThrottled();
    });
  }

  stop(): void {
    if (this.pending) clearImmediate(this.pending);
    if (this.othersTimer) clearTimeout(this.othersTimer);
    this.pending = undefined;
    this.othersTimer = undefined;
  }

  /** Every screen, now (after jobs that change views without a command, such as opening time). */
  publishNow(): void {
    this.publishRooms(() => true);
  }

  private publishOthersThrottled(): void {
    if (this.othersTimer) return;
    const run = () => {
      this.othersTimer = undefined;
      this.othersAt = performance.now();
      this.publishRooms((room) => room !== 'display');
    };
    const wait = this.othersAt + OTHER_VIEWS_MIN_INTERVAL_MS - performance.now();
    if (wait <= 0) run();
    else this.othersTimer = setTimeout(run, wait);
  }

  private publishRooms(include: (room: string) => boolean): void {
    const rooms = [...this.io.sockets.adapter.rooms].filter(
      ([room, sockets]) => sockets.size > 0 && isViewRoom(room) && include(room),
    );
    const now = this.now();
    for (const [room] of rooms) {
      const payload = this.view(room, now);
      const json = JSON.stringify(payload.view);
      if (this.lastSent.get(room) === json) continue;
      this.lastSent.set(room, json);
      this.io.to(room).emit('view', payload);
    }
  }
}

function isViewRoom(room: string): boolean {
  return room === 'display' || room === 'kiosk' || room === 'admin' || room.startsWith('counter:');
}
