import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSuggestion } from '../src/core/support/suggestions/detect-suggestion';
import { figureLine } from './support/figures';
import type { LabelledSuggestionCase } from './support/suggestion-case';
import { turnsOf } from './support/suggestion-case';
import { keywordBaseline, scoreSuggestions, type Detector, type SuggestionScore } from './support/suggestion-score';
import { SUGGESTION_SET } from './support/suggestion-set';

/**
 * `npm run bench:suggestions`: the video-suggestion detector against the labelled customer messages
 * in bench/data/suggestion-messages.json (hand-written, then seeded held-out templates), beside a
 * keyword baseline on the same messages. Regenerate the file with `npx tsx bench/support/suggestion-set.ts`.
 */
const set = (JSON.parse(readFileSync(join(__dirname, 'data', 'suggestion-messages.json'), 'utf8')) as { messages: LabelledSuggestionCase[] }).messages;
if (JSON.stringify(set) !== JSON.stringify(SUGGESTION_SET)) {
  console.error('bench/data/suggestion-messages.json is not what bench/support/suggestion-set.ts makes: regenerate it');
  process.exit(1);
}

const ours: Detector = (c) => detectSuggestion({ turns: turnsOf(c), resolved: !!c.context.resolved, videoOffered: !!c.context.videoOffered })?.reasons ?? [];
const t0 = performance.now();
const all = scoreSuggestions(set, ours);
const ms = performance.now() - t0;
const held = scoreSuggestions(set.filter((c) => c.part === 'generated'), ours);
const tuned = scoreSuggestions(set.filter((c) => c.part === 'hand'), ours);
const base = scoreSuggestions(set, keywordBaseline);
const baseHeld = scoreSuggestions(set.filter((c) => c.part === 'generated'), keywordBaseline);

const fires = set.filter((c) => c.expected.fire).length;
console.error(`${set.length} messages (${tuned.messages} hand-written, ${held.messages} generated held-out), ${fires} should fire; detection took ${ms.toFixed(1)} ms in all`);
const row = (name: string, s: SuggestionScore) =>
  `${name.padEnd(28)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.reasonPrecision.toFixed(3).padStart(9)} ${s.reasonRecall.toFixed(3).padStart(7)}`;
console.error(`${'set'.padEnd(28)} precision  recall  reason-p reason-r`);
for (const [name, s] of [['detector, all', all], ['detector, hand-written', tuned], ['detector, held-out', held], ['keyword baseline, all', base], ['keyword baseline, held-out', baseHeld]] as const) console.error(row(name, s));
const ctx = (c: LabelledSuggestionCase) =>
  `${c.context.exchanges} exch${c.context.imageThenMessages ? `, image +${c.context.imageThenMessages}` : ''}${c.context.resolved ? ', resolved' : ''}${c.context.videoOffered ? ', offered' : ''}`;
for (const c of all.missed) console.error(`missed    ${c.id} [${c.expected.reasons.join(',')}] (${ctx(c)}) ${c.text}`);
for (const { c, reasons } of all.spurious) console.error(`spurious  ${c.id} [${reasons.join(',')}] (${ctx(c)}) ${c.text}`);
for (const { c, reasons } of all.wrongReasons) console.error(`reasons   ${c.id} gave [${reasons.join(',')}] want [${c.expected.reasons.join(',')}] ${c.text}`);

console.log(figureLine('suggestion_precision', all.precision, 'ratio'));
console.log(figureLine('suggestion_recall', all.recall, 'ratio'));
console.log(figureLine('suggestion_baseline_precision', base.precision, 'ratio'));
console.log(figureLine('suggestion_baseline_recall', base.recall, 'ratio'));
console.log(figureLine('suggestion_heldout_precision', held.precision, 'ratio'));
console.log(figureLine('suggestion_heldout_recall', held.recall, 'ratio'));
console.log(figureLine('suggestion_reason_precision', all.reasonPrecision, 'ratio'));
console.log(figureLine('suggestion_reason_recall', all.reasonRecall, 'ratio'));
