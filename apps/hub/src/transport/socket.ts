import {
  HandshakeAuth,
  PROTOCOL_VERSION,
  ResyncRequest,
  SOCKET_COMMAND,
  SOCKET_RESYNC,
  errorReply,
  type PushName,
  type PushOf,
  type Reply,
} from '@bb/protocol';
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../log.ts';
import type { Device } from '../store/devices.ts';
import type { Stores } from '../store/stores.ts';
import { deviceRoom, viewRoom, type ViewPublisher } from './views.ts';

/** Commands larger than this are refused with PAYLOAD_TOO_LARGE (imports go over HTTP). */
export const MAX_SOCKET_COMMAND_BYTES = 256 * 1024;
/** Messages larger than this make Socket.IO drop the connection before we see them. */
const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/** An admin that missed more events than this gets the view only (and can read the rest over HTTP). */
export const MAX_CATCH_UP_EVENTS = 2_000;

type Ack = (reply: unknown) => void;

export function createSocketServer(httpServer: HttpServer): Server {
  return new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    cors: { origin: true },
  });
}

function emit<N extends PushName>(socket: Socket, name: N, payload: PushOf<N>): void {
  socket.emit(name, payload);
}

/**
 * Devices connect with `auth: { token, lastSeq? }`. A bad token ends in connect_error with
 * `data.code = 'UNAUTHENTICATED'`; a good one gets hello, (admin: missed events,) and its view.
 */
export function attachSocketHandlers(deps: {
  io: Server;
  engine: Engine;
  stores: Stores;
  views: ViewPublisher;
  log: Logger;
}): void {
  const { io, engine, stores, views, log } = deps;

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    const device = auth.success ? stores.devices.authenticate(auth.data.token) : undefined;
    if (!device) {
      const err = new Error('UNAUTHENTICATED') as Error & { data?: unknown };
      err.data = errorReply('UNAUTHENTICATED', 'unknown or revoked device token');
      return next(err);
    }
    socket.data.device = device;
    socket.data.lastSeq = auth.success ? auth.data.lastSeq : undefined;
    next();
  });

  io.on('connection', (socket) => {
    const device = socket.data.device as Device;
    const room = viewRoom(device);
    void socket.join([room, deviceRoom(device.deviceId)]);
    log.info(
      { deviceId: device.deviceId, role: device.role, counterId: device.counterId },
      'device connected',
    );

    emit(socket, 'hello', { protocolVersion: PROTOCOL_VERSION, device, seq: engine.seq });
    if (device.role === 'admin') sendMissedEvents(socket, socket.data.lastSeq as number | undefined);
    emit(socket, 'view', views.view(room));

    socket.on(SOCKET_COMMAND, async (input: unknown, ack?: unknown) => {
      const reply = await safely(log, async () => {
        if (byteLength(input) > MAX_SOCKET_COMMAND_BYTES)
          return { ok: false, error: errorReply('PAYLOAD_TOO_LARGE', 'command too large') } satisfies Reply;
        return engine.execute({ kind: 'device', device }, input);
      });
      if (typeof ack === 'function') (ack as Ack)(reply);
    });

    socket.on(SOCKET_RESYNC, async (input: unknown, ack?: unknown) => {
      const parsed = ResyncRequest.safeParse(input);
      if (typeof ack !== 'function') return;
      try {
        if (device.role === 'admin' && parsed.success) sendMissedEvents(socket, parsed.data.lastSeq);
        (ack as Ack)(views.view(room));
      } catch (err) {
        log.error({ err }, 'resync failed');
        (ack as Ack)({ ok: false, error: errorReply('INTERNAL', 'resync failed') });
      }
    });

    socket.on('disconnect', (reason) =>
      log.info({ deviceId: device.deviceId, reason }, 'device disconnected'),
    );
  });

  function sendMissedEvents(socket: Socket, lastSeq: number | undefined): void {
    if (lastSeq === undefined || lastSeq >= engine.seq) return;
    if (stores.events.countAfterSeq(lastSeq) > MAX_CATCH_UP_EVENTS) return;
    emit(socket, 'events', { events: stores.events.after(lastSeq, MAX_CATCH_UP_EVENTS) });
  }
}

/** A revoked device's open sessions hear why, then are cut off (the client does not auto-reconnect). */
export function disconnectDevice(io: Server, deviceId: string): void {
  const room = deviceRoom(deviceId);
  io.to(room).emit('revoked', {});
  io.in(room).disconnectSockets(true);
}

async function safely(log: Logger, fn: () => Promise<Reply>): Promise<Reply> {
  try {
    return await fn();
  } catch (err) {
    log.error({ err }, 'socket command failed');
    return { ok: false, error: errorReply('INTERNAL', 'the hub could not process this command') };
  }
}

function byteLength(input: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(input) ?? '');
  } catch {
    return Infinity;
  }
}
