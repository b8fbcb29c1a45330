import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../domain/errors';

/**
 * Page cursors are opaque to callers and signed with a key derived from the link secret, bound
 * to the query they page (who asks, which filter, which words): an edited, forged or borrowed
 * cursor is a 400, never a different page of someone else's results.
 */
export class LibraryCursors {
  private readonly key: Buffer;

  constructor(linkSecret: string) {
    this.key = createHmac('sha256', linkSecret).update('ve/recordings-library-cursor/v1').digest();
  }

  sign(scope: unknown, position: unknown): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.mac(scope, payload)}`;
  }

  /** The position inside a cursor this server signed for the same scope; 400 otherwise. */
  read(scope: unknown, cursor: string): unknown {
    const [payload, mac, extra] = cursor.split('.');
    const expected = payload ? this.mac(scope, payload) : '';
    const given = Buffer.from(mac ?? '');
    if (extra !== undefined || !payload || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      throw invalidCursor();
    }
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
  }

  private mac(scope: unknown, payload: string): string {
    const scopeHash = createHash('sha256').update(JSON.stringify(scope)).digest('base64url');
    return createHmac('sha256', this.key).update(`${scopeHash}.${payload}`).digest('base64url');
  }
}

export const invalidCursor = () =>
  new DomainError('invalid_request', 'cursor_invalid', 'This page link is not valid for this list; start again from the first page.');
