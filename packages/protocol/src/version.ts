/** Bumped whenever a schema in this package changes incompatibly; clients compare it on connect. */
export const PROTOCOL_VERSION = 1;
