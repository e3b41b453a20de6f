import { businessDay, dayStatistics, ticketStatusView } from '@bb/core';
import {
  LocalDate,
  PROTOCOL_VERSION,
  PairRequest,
  errorReply,
  validationError,
  type ErrorReply,
  type HealthResponse,
  type PairResponse,
  type Reply,
  type TicketStatusView,
} from '@bb/protocol';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { sha256 } from '../auth/secrets.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../log.ts';
import type { Device } from '../store/devices.ts';
import type { Stores } from '../store/stores.ts';
import { parseAppointmentsCsv } from './appointmentsCsv.ts';
import { httpStatus } from './httpStatus.ts';
import { statsToCsv } from './statsCsv.ts';

export const COMMAND_BODY_LIMIT_BYTES = 256 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
// Pairing codes are short enough to type, so guessing them must be slow: per client address.
const PAIR_FAILURES_PER_MINUTE = 10;

export interface HttpDeps {
  engine: Engine;
  stores: Stores;
  log: Logger;
  now: () => number;
  startedAt: number;
}

const errorBody = (error: ErrorReply): Reply => ({ ok: false, error });

export function createHttpServer(deps: HttpDeps) {
  const { engine, stores, now } = deps;
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }),
    // Request lines would log status-page URLs, which carry tokens: the hub logs what it does instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: COMMAND_BODY_LIMIT_BYTES,
    // Node's own timeouts keep a slow client from holding a kiosk's slot forever.
    connectionTimeout: 30_000,
  });
  const pairLimiter = new RateLimiterMemory({ points: PAIR_FAILURES_PER_MINUTE, duration: 60 });

  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    const error =
      status === 413
        ? errorReply('PAYLOAD_TOO_LARGE', 'request body too large')
        : status === 415
          ? errorReply('VALIDATION_FAILED', 'unsupported content type; send application/json')
          : status >= 400 && status < 500
            ? errorReply('VALIDATION_FAILED', `malformed request: ${err.message}`.slice(0, 300))
            : errorReply('INTERNAL', 'the hub could not process this request');
    void reply.status(status >= 400 && status < 600 ? status : 500).send(errorBody(error));
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send(errorBody(errorReply('VALIDATION_FAILED', 'no such endpoint')));
  });

  /** Bearer token -> device; answers 401 itself and returns undefined when there is none. */
  function authenticate(request: FastifyRequest, reply: FastifyReply): Device | undefined {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const device = token ? stores.devices.authenticate(token) : undefined;
    if (!device)
      void reply
        .status(401)
        .send(errorBody(errorReply('UNAUTHENTICATED', 'missing, unknown or revoked device token')));
    return device;
  }

  function requireAdmin(request: FastifyRequest, reply: FastifyReply): Device | undefined {
    const device = authenticate(request, reply);
    if (device && device.role !== 'admin') {
      void reply.status(403).send(errorBody(errorReply('FORBIDDEN', 'admin devices only')));
      return undefined;
    }
    return device;
  }

  app.get('/api/health', async () => {
    return {
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      officeId: engine.config.office.id,
      seq: engine.seq,
      uptimeMs: Math.max(0, Math.round(performance.now() - deps.startedAt)),
    } satisfies HealthResponse;
  });

  app.post('/api/pair', async (request, reply) => {
    // Only failed attempts count: setting up twenty kiosks in a row must not lock anyone out.
    const failures = await pairLimiter.get(request.ip);
    if (failures && failures.consumedPoints >= PAIR_FAILURES_PER_MINUTE)
      return reply
        .status(429)
        .send(errorBody(errorReply('RATE_LIMITED', 'too many pairing attempts; wait a minute')));
    const parsed = PairRequest.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send(errorBody(validationError(parsed.error)));
    const paired = stores.devices.redeem(parsed.data.code, now(), parsed.data.name);
    if (!paired) await pairLimiter.penalty(request.ip, 1);
    if (!paired)
      return reply
        .status(401)
        .send(errorBody(errorReply('PAIRING_CODE_INVALID', 'unknown, used or expired pairing code')));
    request.log.info(
      { deviceId: paired.device.deviceId, role: paired.device.role, counterId: paired.device.counterId },
      'device paired',
    );
    return paired satisfies PairResponse;
  });

  app.post('/api/commands', async (request, reply) => {
    const device = authenticate(request, reply);
    if (!device) return reply;
    const result = await engine.execute({ kind: 'device', device }, request.body);
    return reply.status(httpStatus(result)).send(result);
  });

  app.post('/api/appointments/import', { bodyLimit: IMPORT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const device = requireAdmin(request, reply);
    if (!device) return reply;
    let appointments: unknown = request.body;
    if (typeof request.body === 'string') {
      const csv = parseAppointmentsCsv(request.body);
      if (!csv.ok) return reply.status(400).send(errorBody(errorReply('VALIDATION_FAILED', csv.message)));
      appointments = csv.appointments;
    } else if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
      appointments = (request.body as { appointments?: unknown }).appointments;
    }
    // A retried upload with the same Idempotency-Key is answered from the command log.
    const key = request.headers['idempotency-key'];
    const id = typeof key === 'string' ? key : randomUUID();
    const result = await engine.execute(
      { kind: 'device', device },
      { id, type: 'appointments.import', appointments },
    );
    return reply.status(httpStatus(result)).send(result);
  });

  const statsFor = (request: FastifyRequest, reply: FastifyReply) => {
    if (!requireAdmin(request, reply)) return undefined;
    const query = request.query as { day?: unknown };
    const day =
      query.day === undefined
        ? businessDay(now(), engine.config.office.timeZone)
        : LocalDate.safeParse(query.day).data;
    if (!day) {
      void reply
        .status(400)
        .send(errorBody(errorReply('VALIDATION_FAILED', 'day: date must be YYYY-MM-DD', { field: 'day' })));
      return undefined;
    }
    return dayStatistics(day, stores.events.forDay(day), engine.config.office.timeZone);
  };

  app.get('/api/stats', async (request, reply) => {
    const stats = statsFor(request, reply);
    return stats ? stats : reply;
  });

  app.get('/api/stats.csv', async (request, reply) => {
    const stats = statsFor(request, reply);
    if (!stats) return reply;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="statistik-${stats.day}.csv"`)
      .send(statsToCsv(stats));
  });

  app.get('/api/devices', async (request, reply) => {
    if (!requireAdmin(request, reply)) return reply;
    return { devices: stores.devices.list() };
  });

  /** Public: the visitor's phone opens this from the QR code. Numbers and status only, never names. */
  app.get('/api/status/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const ticketId = token.length <= 64 ? stores.personal.ticketForStatusToken(sha256(token)) : undefined;
    const view = ticketId ? statusOf(ticketId) : undefined;
    if (!view)
      return reply.status(404).send(errorBody(errorReply('TICKET_NOT_FOUND', 'no ticket for this link')));
    return reply.header('cache-control', 'no-store').send(view);
  });

  /** Live tickets from the state; finished days from the ticket projection. */
  function statusOf(ticketId: string): TicketStatusView | undefined {
    const live = ticketStatusView(engine.state, ticketId, now());
    if (live) return live;
    const row = stores.tickets.get(ticketId);
    if (!row) return undefined;
    return {
      number: row.number,
      status: row.status,
      ahead: 0,
      estimate: null,
      officeName: engine.config.office.name,
      updatedAt: row.updated_at,
    };
  }

  return app;
}
