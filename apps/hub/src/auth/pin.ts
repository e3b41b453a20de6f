import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt cost: about 30 ms per check on a small office PC; a clerk logs in a few times a day.
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_BYTES, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Makes the `scrypt$<salt b64>$<hash b64>` string stored as a clerk's `pinHash` in the office file. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Constant-time check of a PIN against a stored hash; a malformed hash never matches. */
export async function verifyPin(pin: string, pinHash: string): Promise<boolean> {
  const parts = pinHash.split('$');
  if (parts.length !== 3 || parts[0] !== 'scrypt') return false;
  const salt = Buffer.from(parts[1] ?? '', 'base64');
  const expected = Buffer.from(parts[2] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  const key = await derive(pin, salt);
  return timingSafeEqual(key, expected);
}
