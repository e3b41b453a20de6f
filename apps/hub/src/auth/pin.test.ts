import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin.ts';
import { ClerkConfig } from '@bb/protocol';

describe('PIN hashes', () => {
  it('verifies the right PIN only, and the hash fits the office file format', async () => {
    const hash = await hashPin('4711');
    expect(hash).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(ClerkConfig.safeParse({ id: 'x', name: 'X', pinHash: hash }).success).toBe(true);
    expect(await verifyPin('4711', hash)).toBe(true);
    expect(await verifyPin('4712', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it('salts: the same PIN hashes differently each time', async () => {
    expect(await hashPin('1234')).not.toBe(await hashPin('1234'));
  });

  it('never matches a malformed hash', async () => {
    for (const bad of ['', 'scrypt$$', 'bcrypt$abc$def', 'scrypt$AAAA$AAAA', 'scrypt$AAAA'])
      expect(await verifyPin('1234', bad)).toBe(false);
  });
});
