import type { DomainCommand, Instant } from '@bb/protocol';
import type { Decision } from '../fail.ts';
import type { OfficeState } from '../state.ts';
import { callNext, callTicket, markNotAppeared, recall } from './calls.ts';
import { login, logout, pause, resumeCounter } from './counters.ts';
import { checkIn, issueTicket, reportBack } from './issue.ts';
import { closeDay, importAppointments, setIssuing } from './office.ts';
import { finish, park, resume, start, transfer } from './service.ts';
import { cancel, reactivate, setPriority } from './staff.ts';

/** The rules: a command and the current state -> the events that happen, or why not. Pure; time comes in. */
export function decide(state: OfficeState, command: DomainCommand, now: Instant): Decision {
  switch (command.type) {
    case 'ticket.issue':
      return issueTicket(state, command, now);
    case 'appointment.checkIn':
      return checkIn(state, command, now);
    case 'ticket.reportBack':
      return reportBack(state, command, now);
    case 'counter.callNext':
      return callNext(state, command, now);
    case 'ticket.call':
      return callTicket(state, command, now);
    case 'ticket.recall':
      return recall(state, command, now);
    case 'ticket.markNotAppeared':
      return markNotAppeared(state, command, now);
    case 'ticket.start':
      return start(state, command, now);
    case 'ticket.finish':
      return finish(state, command, now);
    case 'ticket.transfer':
      return transfer(state, command, now);
    case 'ticket.park':
      return park(state, command, now);
    case 'ticket.resume':
      return resume(state, command, now);
    case 'ticket.cancel':
      return cancel(state, command, now);
    case 'ticket.reactivate':
      return reactivate(state, command, now);
    case 'ticket.setPriority':
      return setPriority(state, command, now);
    case 'clerk.login':
      return login(state, command, now);
    case 'clerk.logout':
      return logout(state, command, now);
    case 'counter.pause':
      return pause(state, command, now);
    case 'counter.resume':
      return resumeCounter(state, command, now);
    case 'issuing.set':
      return setIssuing(state, command, now);
    case 'appointments.import':
      return importAppointments(state, command, now);
    case 'day.close':
      return closeDay(state, command, now);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}
