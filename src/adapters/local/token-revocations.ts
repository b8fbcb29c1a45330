import { ensureSchema, type Db } from './db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS revoked_tokens (
  jti TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
`;

/** Token ids that were signed out before they expired. Expired entries are pruned as new ones come. */
export class TokenRevocations {
  constructor(private readonly db: Db) {
    ensureSchema(db, SCHEMA);
  }

  revoke(jti: string, expiresAtSeconds: number): void {
    this.db.prepare('DELETE FROM revoked_tokens WHERE expires_at < ?').run(Math.floor(Date.now() / 1000));
    this.db.prepare('INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)').run(jti, expiresAtSeconds);
  }

  isRevoked(jti: string): boolean {
    return this.db.prepare('SELECT 1 FROM revoked_tokens WHERE jti = ?').get(jti) !== undefined;
  }
}
