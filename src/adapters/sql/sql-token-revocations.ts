import type { Kysely } from 'kysely';
import type { StoreTables } from './schema';

/** Token ids that were signed out before they expired. Expired entries are pruned as new ones come. */
export class SqlTokenRevocations {
  constructor(
    private readonly db: Kysely<StoreTables>,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async revoke(jti: string, expiresAtSeconds: number): Promise<void> {
    await this.db.deleteFrom('ve_revoked_tokens').where('expires_at', '<', this.nowSeconds()).execute();
    await this.db
      .insertInto('ve_revoked_tokens')
      .values({ jti, expires_at: expiresAtSeconds })
      .onConflict((oc) => oc.column('jti').doNothing())
      .execute();
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.db.selectFrom('ve_revoked_tokens').select('jti').where('jti', '=', jti).executeTakeFirst()) !== undefined;
  }
}
