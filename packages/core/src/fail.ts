import {
  errorReply,
  type DomainEvent,
  type ErrorCode,
  type ErrorParams,
  type ErrorReply,
} from '@bb/protocol';

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: ErrorReply };

/** A refused command: a typed error with a stable code, never an exception. */
export function fail(
  code: ErrorCode,
  message: string,
  params?: ErrorParams,
): { ok: false; error: ErrorReply } {
  return { ok: false, error: errorReply(code, message, params) };
}

export function accept(...events: DomainEvent[]): Decision {
  return { ok: true, events };
}
