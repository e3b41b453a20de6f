import { requireRole } from '../../auth/guards.ts';
import { decideDomain } from '../domain.ts';
import { handler } from '../types.ts';

export const issuing = handler({
  types: ['issuing.set'],
  guard: requireRole(),
  run: (command, ctx) => decideDomain(command, ctx),
});

/**
 * Names and notes never reach the domain or the event log: the rules see only ids, codes, services and slots;
 * personal data goes to its own table in the same transaction.
 */
export const importAppointments = handler({
  types: ['appointments.import'],
  guard: requireRole(),
  run: (command, ctx) => {
    const stripped = {
      ...command,
      appointments: command.appointments.map(({ name: _n, note: _o, ...rest }) => rest),
    };
    return decideDomain(stripped, ctx, {
      effects: () => {
        for (const a of command.appointments)
          ctx.stores.personal.setAppointment(a.appointmentId, a.name, a.note, ctx.now);
      },
    });
  },
});

export const dayClose = handler({
  types: ['day.close'],
  guard: requireRole(),
  run: (command, ctx) => decideDomain(command, ctx),
});
