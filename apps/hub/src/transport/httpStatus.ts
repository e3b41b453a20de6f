import type { ErrorCode, Reply } from '@bb/protocol';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_COMMAND: 400,
  UNAUTHENTICATED: 401,
  PAIRING_CODE_INVALID: 401,
  FORBIDDEN: 403,
  DEVICE_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  COMMAND_ID_REUSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** HTTP status for a Reply: 200 when done; a refusal by the office's rules is 422 (understood, not allowed). */
export function httpStatus(reply: Reply): number {
  if (reply.ok) return 200;
  return STATUS[reply.error.code] ?? 422;
}
