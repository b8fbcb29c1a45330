import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText } from '../src/core/privacy/pii/redact-text';
import type { LabelledUtterance } from './support/labelled-utterance';
import { baselineRedactor, score } from './support/redaction-score';

/**
 * `npm run bench:redaction`: the transcript redaction against the labelled set in
 * bench/data/redaction-set.json, beside a regular-expression baseline on the same utterances.
 */
const set = (JSON.parse(readFileSync(join(__dirname, 'data', 'redaction-set.json'), 'utf8')) as { utterances: LabelledUtterance[] }).utterances;
const t0 = performance.now();
const ours = score(set, (text) => redactText(text).findings);
const ms = performance.now() - t0;
const base = score(set, baselineRedactor);

console.error(`${set.length} utterances, ${ours.labelled} labelled items; redaction took ${ms.toFixed(1)} ms in all`);
for (const m of ours.missed) console.error(`missed ${m.kind} in ${m.id}: ${m.text}`);
for (const s of ours.spurious) console.error(`spurious ${s.kind} in ${s.id}: ${s.text}`);
console.log(`figure: redaction_recall ${ours.recall.toFixed(3)} ratio`);
console.log(`figure: redaction_precision ${ours.precision.toFixed(3)} ratio`);
console.log(`figure: redaction_recall_baseline ${base.recall.toFixed(3)} ratio`);
console.log(`figure: redaction_precision_baseline ${base.precision.toFixed(3)} ratio`);
