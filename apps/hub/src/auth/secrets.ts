import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Device tokens and status tokens: 128 bits or more of randomness, URL-safe. */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** Only hashes of tokens and codes are stored, so a copied database file pairs no device. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// No 0/O, 1/I/L: the code is read off one screen and typed on another.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A pairing code such as "K7QX-M2PD" (about 40 bits; single use, expires, attempts are rate-limited). */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What people type varies ("k7qx m2pd", "K7QXM2PD"); compare the letters only. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
