import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText } from '../../src/core/privacy/pii/redact-text';
import type { LabelledUtterance } from './labelled-utterance';
import { REDACTION_SET } from './redaction-set';
import { baselineRedactor, score } from './redaction-score';

const stored = (JSON.parse(readFileSync(join(__dirname, '..', 'data', 'redaction-set.json'), 'utf8')) as { utterances: LabelledUtterance[] }).utterances;

describe('the labelled redaction set', () => {
  it('is what the seeded generator makes, with at least 200 utterances and every kind', () => {
    expect(stored).toEqual(REDACTION_SET);
    expect(stored.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(stored.flatMap((u) => u.pii.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['card_number', 'email', 'iban', 'phone', 'ssn']);
    expect(stored.filter((u) => u.pii.length === 0).length).toBeGreaterThanOrEqual(60);
  });
  it('meets the goal: recall 1.0 and precision at least 0.95', () => {
    const s = score(stored, (text) => redactText(text).findings);
    expect(s.missed).toEqual([]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
  it('scores a weaker redactor lower, so the figures can fail', () => {
    const s = score(stored, baselineRedactor);
    expect(s.recall).toBeLessThan(0.5);
  });
});
