import type { CounterId, DeviceIdentity, DeviceInfo, DeviceRole } from '@bb/protocol';
import { newPairingCode, newToken, normalisePairingCode, sha256 } from '../auth/secrets.ts';
import type { Db } from './db.ts';

export type Device = DeviceIdentity;

type DeviceRow = {
  id: string;
  role: DeviceRole;
  counter_id: string | null;
  name: string;
  created_at: number;
  revoked_at: number | null;
};

/** Paired devices and pairing codes; only hashes of tokens and codes are stored. */
export class DeviceStore {
  private readonly byTokenHash;
  private readonly byId;
  private readonly all;
  private readonly activeCount;
  private readonly insertDevice;
  private readonly revokeDevice;
  private readonly insertCode;
  private readonly selectCode;
  private readonly useCode;
  private readonly openCodes;

  constructor(private readonly db: Db) {
    this.byTokenHash = db.prepare('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL');
    this.byId = db.prepare('SELECT * FROM devices WHERE id = ?');
    this.all = db.prepare('SELECT * FROM devices ORDER BY created_at');
    this.activeCount = db.prepare('SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL').pluck();
    this.insertDevice = db.prepare(
      'INSERT INTO devices (id, role, counter_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.revokeDevice = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.insertCode = db.prepare(
      'INSERT INTO pairing_codes (code_hash, role, counter_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectCode = db.prepare('SELECT * FROM pairing_codes WHERE code_hash = ?');
    this.useCode = db.prepare(
      'UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
    );
    this.openCodes = db
      .prepare('SELECT COUNT(*) FROM pairing_codes WHERE used_at IS NULL AND expires_at > ? AND role = ?')
      .pluck();
  }

  createPairingCode(input: {
    role: DeviceRole;
    counterId?: CounterId;
    name: string;
    now: number;
    ttlMs: number;
    code?: string;
  }): { code: string; expiresAt: number } {
    const code = input.code ?? newPairingCode();
    const expiresAt = input.now + input.ttlMs;
    this.insertCode.run(
      sha256(normalisePairingCode(code)),
      input.role,
      input.counterId ?? null,
      input.name,
      input.now,
      expiresAt,
    );
    return { code, expiresAt };
  }

  /** Trades a valid, unused, unexpired code for a new device and its token; undefined otherwise. */
  redeem(code: string, now: number, deviceName?: string): { token: string; device: Device } | undefined {
    const hash = sha256(normalisePairingCode(code));
    return this.db.transaction(() => {
      const row = this.selectCode.get(hash) as
        | {
            role: DeviceRole;
            counter_id: string | null;
            name: string;
            expires_at: number;
            used_at: number | null;
          }
        | undefined;
      if (!row || row.used_at !== null || row.expires_at <= now) return undefined;
      const token = newToken(32);
      const deviceId = `dev-${newToken(9)}`;
      const name = row.name || deviceName || row.role;
      if (this.useCode.run(now, deviceId, hash).changes !== 1) return undefined;
      this.insertDevice.run(deviceId, row.role, row.counter_id, name, sha256(token), now);
      const device: Device = {
        deviceId,
        role: row.role,
        name,
        ...(row.counter_id ? { counterId: row.counter_id } : {}),
      };
      return { token, device };
    })();
  }

  authenticate(token: string): Device | undefined {
    const row = this.byTokenHash.get(sha256(token)) as DeviceRow | undefined;
    return row && toIdentity(row);
  }

  get(deviceId: string): DeviceInfo | undefined {
    const row = this.byId.get(deviceId) as DeviceRow | undefined;
    return row && toInfo(row);
  }

  list(): DeviceInfo[] {
    return (this.all.all() as DeviceRow[]).map(toInfo);
  }

  countActive(): number {
    return this.activeCount.get() as number;
  }

  hasOpenCode(role: DeviceRole, now: number): boolean {
    return (this.openCodes.get(now, role) as number) > 0;
  }

  /** True if the device existed and was active. */
  revoke(deviceId: string, now: number): boolean {
    return this.revokeDevice.run(now, deviceId).changes === 1;
  }
}

function toIdentity(row: DeviceRow): Device {
  return {
    deviceId: row.id,
    role: row.role,
    name: row.name,
    ...(row.counter_id ? { counterId: row.counter_id } : {}),
  };
}

function toInfo(row: DeviceRow): DeviceInfo {
  return {
    ...toIdentity(row),
    createdAt: row.created_at,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}
