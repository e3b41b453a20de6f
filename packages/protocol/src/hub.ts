import { z } from 'zod';
import { DeviceIdentity } from './views.ts';

/** `GET /api/health`: public, for monitoring and for clients checking they reach the right hub. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  officeId: z.string(),
  /** Sequence number of the newest event in the office's log. */
  seq: z.number().int().nonnegative(),
  uptimeMs: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `POST /api/pair`: a device trades a one-time pairing code for its long-lived token. */
export const PairRequest = z
  .object({
    code: z.string().min(4).max(32),
    /** What the device calls itself, e.g. "Kiosk Eingang"; the name given with the code wins if set. */
    name: z.string().min(1).max(80).optional(),
  })
  .strict();
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.object({
  /** Secret the device keeps and sends as `Authorization: Bearer` and in the socket handshake. */
  token: z.string(),
  device: DeviceIdentity,
});
export type PairResponse = z.infer<typeof PairResponse>;

/** A paired device as the admin screens list it (never with its token). */
export const DeviceInfo = DeviceIdentity.extend({
  createdAt: z.number().int(),
  revokedAt: z.number().int().optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;
