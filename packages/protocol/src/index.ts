export * from './version.ts';
export * from './primitives.ts';
export * from './errors.ts';
export * from './config.ts';
export * from './commands.ts';
export * from './events.ts';
export * from './views.ts';
export * from './transport.ts';
