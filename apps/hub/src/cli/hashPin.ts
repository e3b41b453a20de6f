/** `npm run hash-pin -- 1234`: prints the pinHash for a clerk in the office file. */
import { hashPin } from '../auth/pin.ts';

const pin = process.argv[2] ?? '';
if (!/^\d{4,12}$/.test(pin)) {
  process.stderr.write('usage: npm run hash-pin -- <PIN of 4-12 digits>\n');
  process.exit(2);
}
process.stdout.write(`${await hashPin(pin)}\n`);
