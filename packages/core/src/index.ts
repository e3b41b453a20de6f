export type {
  OfficeState,
  Ticket,
  TicketOf,
  CounterState,
  ClerkSession,
  Appointment,
  CallRecord,
} from './state.ts';
export { initialState } from './initialState.ts';
export { decide } from './decide/index.ts';
export type { Decision } from './fail.ts';
export { evolve } from './evolve.ts';
export { commandResult } from './commandResult.ts';
export { serializeState, restoreState } from './snapshot.ts';
export { businessDay, openingStatus, type OpeningStatus } from './calendar.ts';
export { dayCloseDue } from './dayClose.ts';
export { queueFor, rankKey } from './callOrder.ts';
export { estimateFor, toRange } from './estimate.ts';
export { walkInRefusal } from './issuing.ts';
export { nextNumber, formatNumber, normaliseNumber } from './numbering.ts';
export { parseBookingCode } from './bookingCode.ts';
export { findTicketByNumber } from './tickets.ts';
export { displayView } from './views/display.ts';
export { kioskView } from './views/kiosk.ts';
export { counterView, type PersonalLookup } from './views/counter.ts';
export { adminView } from './views/admin.ts';
export { ticketStatusView } from './views/ticketStatus.ts';
export { issuedTicket } from './views/issuedTicket.ts';
export { dayStatistics, figures } from './stats.ts';
