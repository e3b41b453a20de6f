import { z } from 'zod';
import { ErrorReply } from './errors.ts';
import { StoredEvent } from './events.ts';
import { DeviceIdentity, RoleView } from './views.ts';

/** The answer to every command, over Socket.IO (as the ack) and HTTP (as the body) alike. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), commandId: z.string(), seq: z.number().int(), result: z.unknown() }),
  z.object({ ok: z.literal(false), commandId: z.string().optional(), error: ErrorReply }),
]);
export type Reply = z.infer<typeof Reply>;

/** Socket.IO handshake `auth` payload. */
export const HandshakeAuth = z.object({
  token: z.string().min(1).max(200),
  /** The last sequence number the client saw, so the hub can send only what it missed. */
  lastSeq: z.number().int().nonnegative().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** Sent by a client to ask for what it missed (after a gap or a reconnect). */
export const ResyncRequest = z.object({ lastSeq: z.number().int().nonnegative() });

/** Pushes from hub to client: name -> payload schema. */
export const pushes = {
  /** First message after connecting. */
  hello: z.object({ protocolVersion: z.number().int(), device: DeviceIdentity, seq: z.number().int() }),
  /** The role's whole view, as of `seq`. Sent on connect, on resync and after every change that alters it. */
  view: z.object({ seq: z.number().int(), view: RoleView }),
  /** Admin only: the events after the client's last sequence number, in order. */
  events: z.object({ events: z.array(StoredEvent) }),
  /** The hub is about to end this session (token revoked). */
  revoked: z.object({}),
} as const;
export type Pushes = typeof pushes;
export type PushName = keyof Pushes;
export type PushOf<N extends PushName> = z.infer<Pushes[N]>;

/** Client -> hub socket messages (each answered through the ack). */
export const SOCKET_COMMAND = 'command';
export const SOCKET_RESYNC = 'resync';
