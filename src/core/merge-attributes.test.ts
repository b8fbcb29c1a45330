import { mergeAttributes } from './merge-attributes';

describe('mergeAttributes', () => {
  it('keeps keys the patch does not name, at every depth', () => {
    const merged = mergeAttributes(
      { crm: { id: 7 }, videoEscalation: { status: 'active', startedAt: 't0' } },
      { videoEscalation: { status: 'ended', endedAt: 't1' } },
    );
    expect(merged).toEqual({ crm: { id: 7 }, videoEscalation: { status: 'ended', startedAt: 't0', endedAt: 't1' } });
  });

  it('replaces arrays and scalars rather than merging them', () => {
    expect(mergeAttributes({ tags: ['a'], n: 1 }, { tags: ['b'], n: { x: 1 } })).toEqual({ tags: ['b'], n: { x: 1 } });
  });

  it('does not mutate its inputs', () => {
    const current = { a: { b: 1 } };
    mergeAttributes(current, { a: { c: 2 } });
    expect(current).toEqual({ a: { b: 1 } });
  });

  it('removes a key the patch sets to null, at any depth, so finished entries can leave', () => {
    const merged = mergeAttributes({ videoRecordings: { RE1: { state: 'processing' }, RE2: { state: 'attached' } }, crm: 7 }, { videoRecordings: { RE2: null }, gone: null });
    expect(merged).toEqual({ videoRecordings: { RE1: { state: 'processing' } }, crm: 7 });
  });
});
