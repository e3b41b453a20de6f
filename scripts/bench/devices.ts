import { randomUUID } from 'node:crypto';
import type { Reply } from '@bb/protocol';
import { io, type Socket } from 'socket.io-client';

/** Sends a command over HTTP with a device token (as an admin tool would). */
export async function post(url: string, token: string, command: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(`${url}/api/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ id: randomUUID(), ...command }),
  });
  return (await res.json()) as Reply;
}

export async function pair(url: string, code: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`pairing failed: ${JSON.stringify(body)}`);
  return body.token;
}

/** Pairs a new device through the admin and returns its token. */
export async function pairDevice(
  url: string,
  adminToken: string,
  role: string,
  name: string,
  counterId?: string,
) {
  const reply = await post(url, adminToken, {
    type: 'device.createPairingCode',
    role,
    name,
    ...(counterId ? { counterId } : {}),
  });
  if (!reply.ok) throw new Error(`pairing code refused: ${reply.error.message}`);
  return pair(url, (reply.result as { code: string }).code, name);
}

export function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function send(socket: Socket, command: Record<string, unknown>): Promise<Reply> {
  return new Promise((resolve) => socket.emit('command', { id: randomUUID(), ...command }, resolve));
}
