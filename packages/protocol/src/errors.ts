import { z } from 'zod';

/**
 * Stable machine codes. Screens translate `error.<CODE>` from the catalogue; `params` fill its placeholders.
 * Add codes at the end of a group; never rename one (clients and logs depend on them).
 */
export const ERROR_CODES = [
  // transport and access
  'VALIDATION_FAILED',
  'UNKNOWN_COMMAND',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'COMMAND_ID_REUSED',
  'PAIRING_CODE_INVALID',
  'DEVICE_NOT_FOUND',
  'INTERNAL',
  // issuing and check-in
  'OFFICE_CLOSED',
  'ISSUING_DISABLED',
  'SERVICE_ISSUING_DISABLED',
  'SERVICE_APPOINTMENT_ONLY',
  'QUOTA_EXHAUSTED',
  'WAIT_EXCEEDS_CLOSING',
  'NUMBERS_EXHAUSTED',
  'UNKNOWN_SERVICE',
  'APPOINTMENT_NOT_FOUND',
  'APPOINTMENT_TOO_EARLY',
  'APPOINTMENT_TOO_LATE',
  'APPOINTMENT_ALREADY_CHECKED_IN',
  'GRACE_PERIOD_OVER',
  // tickets
  'TICKET_NOT_FOUND',
  'INVALID_TRANSITION',
  'TICKET_HELD_BY_OTHER_COUNTER',
  'TICKET_BLOCKED',
  'CALL_LIMIT_REACHED',
  'QUEUE_EMPTY',
  // counters and clerks
  'UNKNOWN_COUNTER',
  'UNKNOWN_CLERK',
  'WRONG_PIN',
  'COUNTER_NOT_STAFFED',
  'COUNTER_BUSY',
  'COUNTER_PAUSED',
  'CLERK_LOGGED_IN_ELSEWHERE',
  'COUNTER_OCCUPIED',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

/** What a client gets when a command is refused: never a stack trace. */
export const ErrorReply = z.object({
  code: ErrorCode,
  /** Translation key in the catalogue, always `error.<code>`. */
  key: z.string(),
  /** English sentence for logs and engineers; screens show the translated key instead. */
  message: z.string(),
  params: ErrorParams.optional(),
});
export type ErrorReply = z.infer<typeof ErrorReply>;

export function errorReply(code: ErrorCode, message: string, params?: ErrorParams): ErrorReply {
  return params ? { code, key: `error.${code}`, message, params } : { code, key: `error.${code}`, message };
}
