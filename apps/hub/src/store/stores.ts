import type { Db } from './db.ts';
import { CommandLog } from './commandLog.ts';
import { DeviceStore } from './devices.ts';
import { EventStore } from './eventStore.ts';
import { PersonalStore } from './personal.ts';
import { TicketProjection } from './ticketProjection.ts';

/** Every table-backed store of one office database. */
export interface Stores {
  db: Db;
  events: EventStore;
  commands: CommandLog;
  devices: DeviceStore;
  personal: PersonalStore;
  tickets: TicketProjection;
}

export function createStores(db: Db): Stores {
  return {
    db,
    events: new EventStore(db),
    commands: new CommandLog(db),
    devices: new DeviceStore(db),
    personal: new PersonalStore(db),
    tickets: new TicketProjection(db),
  };
}
