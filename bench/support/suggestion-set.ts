import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedOutcome, type CaseContext, type LabelledSuggestionCase, type TextLabel } from './suggestion-case';
import { HAND_CASES } from './suggestion-hand-cases';
import { mulberry32 } from './seeded-random';

const SEED = 20261208;
const rand = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];

/**
 * The held-out part: phrasings written apart from the detector's phrase lists (and before them),
 * each with its label; `{thing}` is filled with a product. These are not the detector's phrases.
 */
const THINGS = ['the app', 'the router', 'the printer', 'my account page', 'the checkout', 'the thermostat', 'the dashboard', 'the TV box', 'the camera', 'the login page'];
const CORES: [TextLabel, string][] = [
  ['hard', "I'm struggling to describe it"],
  ['hard', 'no idea how to put this into words'],
  ['hard', "it's tricky to explain in text"],
  ['hard', "{thing} does a thing I can't really describe"],
  ['hard', "I'm having trouble explaining what happens with {thing}"],
  ['hard', "I can't follow the instructions, nothing matches"],
  ['hard', "I don't see any of the options you listed"],
  ['hard', 'which one is the settings icon? there are like five'],
  ['hard', "{thing} is glitching in a really odd way, hard to describe"],
  ['hard', "I'm confused about where to go next"],
  ['hard', "it's kind of hard to explain but {thing} flashes"],
  ['hard', 'I have no clue what I am looking at'],
  ['hard', 'typing this out is impossible'],
  ['hard', '{thing} looks nothing like your description'],
  ['hard', "still can't find that button"],
  ['hard', "I don't get what you mean"],
  ['hard', 'not sure how to describe what {thing} is doing'],
  ['hard', 'what am I supposed to be clicking on?'],
  ['hard', 'your instructions lost me at the second step'],
  ['hard', "I don't really know how to explain the problem with {thing}"],
  ['ask', 'could you demonstrate it for me?'],
  ['ask', 'maybe I could record it for you'],
  ['ask', 'is a live video session an option?'],
  ['ask', 'can we talk on video?'],
  ['ask', 'would it help if I filmed {thing}?'],
  ['ask', 'can you jump on a call with me'],
  ['ask', "I'd love a quick call to sort this"],
  ['ask', 'can I screenshare'],
  ['ask', 'can you ring me'],
  ['ask', 'is there a video option for support?'],
  ['ask', 'can I show you {thing} on my phone camera'],
  ['ask', 'could someone walk me through it live'],
  ['ask', 'can you send a quick video of how to do it'],
  ['ask', "let's do a call"],
  ['ask', 'can I just show you what {thing} is doing'],
  ['ask', 'could we video chat for a minute'],
  ['hard+ask', "hard to explain, I'd rather show you"],
  ['hard+ask', "I can't describe it, can we do a call?"],
  ['declines', 'no need to call, chat is fine'],
  ['declines', "I won't be able to do a video today"],
  ['declines', 'please no video, my connection is bad'],
  ['declines', "a video chat isn't necessary, thanks"],
  ['declines', "I'm not comfortable with video"],
  ['declines', "don't call me please, I can't talk at work"],
  ['settled', 'that makes total sense, thank you'],
  ['settled', "perfect, {thing} is working again"],
  ['settled', 'all sorted now, thanks'],
  ['settled', 'ah ok I see now'],
  ['settled', 'cheers, that cleared it up'],
  ['settled', 'brilliant, thanks for explaining'],
  ['settled', 'that solved it, the screen is fine now'],
  ['none', 'the video freezes after ten seconds'],
  ['none', 'my calls go straight to voicemail'],
  ['none', 'the screen goes dark after a minute'],
  ['none', 'the show button does nothing'],
  ['none', 'the preview shows the wrong price'],
  ['none', 'can you explain the difference between the plans?'],
  ['none', "your app's video feature is great btw"],
  ["none", "I'll call the bank myself"],
  ['none', 'I cancelled my subscription to the streaming show'],
  ['none', 'the screen resolution is wrong on my monitor'],
  ['none', 'the call quality on the headset is bad'],
  ['none', 'my order number is 4412'],
  ['none', 'when will it ship'],
  ['none', 'I reset {thing} like you said'],
  ['none', 'same thing happens'],
  ['none', 'is there a discount for students'],
  ['none', 'I updated {thing} this morning'],
  ['none', 'the weird part is it only happens on sundays'],
  ['none', '{thing} shows a red light'],
];
const OPENERS = ['', '', '', 'hi, ', 'ok so ', 'sorry, ', 'hmm ', 'Hello! ', 'right, ', 'um '];
const CLOSERS = ['', '', '', ' thanks', ' any ideas?', ' lol', ' please help', '!!', ' :(', ' cheers'];

/** One typo in a longer word now and then: two letters swapped or one dropped, as people type. */
function typo(text: string): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{6,}$/i.test(w));
  if (long.length === 0) return text;
  const [w, i] = pick(long);
  const at = int(1, w.length - 3);
  words[i] = rand() < 0.5 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}

/** A history: mostly short tickets, some long ones, some with an image, a few already offered or resolved. */
function context(): CaseContext {
  const exchanges = pick([0, 0, 1, 1, 1, 2, 2, 2, 3, 4, 5]);
  const ctx: CaseContext = { exchanges };
  if (rand() < 0.2) ctx.imageThenMessages = Math.min(int(1, 4), exchanges * 2 + 1);
  const gate = rand();
  if (gate < 0.04) ctx.resolved = true;
  else if (gate < 0.08) ctx.videoOffered = true;
  return ctx;
}

const generated: LabelledSuggestionCase[] = [];
for (let i = 0; i < 200; i++) {
  const [says, core] = CORES[i % CORES.length];
  let text = pick(OPENERS) + core.replace('{thing}', pick(THINGS)) + pick(CLOSERS);
  if (rand() < 0.3) text = text.toLowerCase();
  if (rand() < 0.15) text = typo(text);
  if (rand() < 0.2) text = text.replace(/[.?!,']/g, '');
  const ctx = context();
  generated.push({ id: `g${String(i + 1).padStart(3, '0')}`, text, context: ctx, says, expected: expectedOutcome(says, ctx), part: 'generated', tag: `generated ${says}` });
}

/** The whole set: the hand-written messages, then the generated held-out ones. */
export const SUGGESTION_SET: LabelledSuggestionCase[] = [...HAND_CASES, ...generated];

if (require.main === module) {
  const out = join(__dirname, '..', 'data', 'suggestion-messages.json');
  writeFileSync(out, `${JSON.stringify({ seed: SEED, messages: SUGGESTION_SET }, null, 1)}\n`);
  console.log(`wrote ${SUGGESTION_SET.length} messages to ${out}`);
}
