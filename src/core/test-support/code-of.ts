import { DomainError } from '../../domain/errors';

/** What a use case answered, as `<status> <code>` for a refusal or 'resolved': one line to assert. */
export const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'resolved';
};
