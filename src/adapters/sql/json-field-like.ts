import { sql, type RawBuilder } from 'kysely';

/**
 * `record_json LIKE '%"field":"value"%'`, with LIKE's wildcards escaped: finds JSON records by a
 * field that has no column of its own. Callers still compare the parsed field exactly.
 */
export function jsonFieldLike(field: string, value: string): RawBuilder<boolean> {
  const fragment = `"${field}":${JSON.stringify(value)}`.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`record_json LIKE ${`%${fragment}%`} ESCAPE '\\'`;
}
