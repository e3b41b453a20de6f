import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Never log names, notes, PINs, tokens, pairing codes (except the bootstrap code, on
 * purpose) or booking codes: the redact list is a safety net, not a licence to pass such fields in.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const opts: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { app: 'bb-hub' },
    redact: {
      paths: [
        'pin',
        '*.pin',
        'token',
        '*.token',
        'name',
        '*.name',
        'note',
        '*.note',
        'bookingCode',
        '*.bookingCode',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
