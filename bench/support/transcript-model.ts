import { readFileSync } from 'node:fs';

/**
 * Deterministic, realistic-enough support-call transcripts for the search bench: a bigram word
 * model trained on the LibriVox reference texts (pocketsphinx-testdata) plus contact-centre
 * sentences, walked with a seeded generator; slots fill in products, names and order numbers so
 * the vocabulary has a long tail of rare words, as real transcripts do.
 */
export const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox/transcription';

const SUPPORT = [
  'hello thank you for calling how can i help you today',
  'hi i am calling about my order {order} it has not arrived yet',
  'i can see the order here it shipped from our warehouse in {city} last week',
  'the {product} stopped working after the latest update',
  'could you try turning it off and on again while i stay on the line',
  'my name is {name} and i bought the {product} two months ago',
  'i would like a refund because the {product} arrived damaged',
  'i am sorry to hear that let me check the warranty for you',
  'the refund should reach your card within five business days',
  'can you share your screen so i can see the error message',
  'the screen says connection failed and then the router restarts',
  'let me escalate this to my supervisor so we can sort it out today',
  'i was charged twice on my credit card for the same order',
  'i have reset your password you should receive an email shortly',
  'is there anything else i can help you with today',
  'thank you {name} you have been very helpful',
  'the delivery address is wrong it should be {city} not {city}',
  'we can send a replacement {product} at no extra cost',
  'please hold for a moment while i look into your account',
  'the invoice number is {order} and the amount looks wrong',
  'my internet keeps dropping every evening around eight',
  'i will book a technician visit for tomorrow morning',
  'the camera on the {product} shows a black screen',
  'i need to cancel my subscription before the next billing date',
  'your case number is {order} please keep it for reference',
];
const PRODUCTS = ['router', 'doorbell', 'thermostat', 'soundbar', 'headset', 'tablet', 'smartwatch', 'printer', 'modem', 'speaker', 'webcam', 'keyboard', 'monitor', 'charger', 'projector', 'dashcam', 'kettle', 'vacuum', 'blender', 'scanner'];
const NAMES = ['jordan', 'taylor', 'morgan', 'casey', 'riley', 'avery', 'quinn', 'harper', 'rowan', 'emerson', 'kendall', 'reese', 'sawyer', 'dakota', 'skyler', 'marlowe', 'ellison', 'lennox', 'oakley', 'peyton'];
const CITIES = ['leeds', 'lyon', 'porto', 'dublin', 'bremen', 'turin', 'ghent', 'malmo', 'krakow', 'bilbao', 'utrecht', 'graz'];

/** mulberry32: small, fast, and the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TranscriptModel {
  /** About `words` words as speaker-labelled lines. */
  transcript(words: number): { start: number; end: number; speaker: string; text: string }[];
  /** Every word the model can say, most frequent first (for choosing queries). */
  vocabulary: string[];
  pick<T>(items: readonly T[]): T;
  random: () => number;
}

export function transcriptModel(seed: number): TranscriptModel {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const librivox = readFileSync(LIBRIVOX, 'utf8')
    .split('\n')
    .map((l) => l.replace(/<\/?s>|\(.*\)/g, '').trim())
    .filter(Boolean);
  const sentences = [...librivox, ...SUPPORT].map((s) => ['<s>', ...s.split(/\s+/), '</s>']);
  const next = new Map<string, string[]>();
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (let i = 0; i < s.length - 1; i++) {
      next.set(s[i], [...(next.get(s[i]) ?? []), s[i + 1]]);
      counts.set(s[i + 1], (counts.get(s[i + 1]) ?? 0) + 1);
    }
  }
  const fill = (w: string): string => {
    if (w === '{product}') return pick(PRODUCTS);
    if (w === '{name}') return pick(NAMES);
    if (w === '{city}') return pick(CITIES);
    if (w === '{order}') return String(10_000 + Math.floor(random() * 900_000));
    return w;
  };
  const sentence = (): string[] => {
    const out: string[] = [];
    for (let w = pick(next.get('<s>') ?? []); w !== '</s>' && out.length < 30; w = pick(next.get(w) ?? ['</s>'])) out.push(fill(w));
    return out;
  };
  const vocabulary = [
    ...[...counts.entries()].filter(([w]) => !w.startsWith('{') && w !== '</s>').sort((a, b) => b[1] - a[1]).map(([w]) => w),
    ...PRODUCTS,
    ...NAMES,
    ...CITIES,
  ];
  return {
    random,
    pick,
    vocabulary: [...new Set(vocabulary)],
    transcript(words) {
      const lines = [];
      let said = 0;
      let t = 0;
      let speaker = 'Agent';
      while (said < words) {
        const text = sentence();
        const seconds = text.length * 0.4 + random() * 1.5;
        lines.push({ start: Number(t.toFixed(2)), end: Number((t + seconds).toFixed(2)), speaker, text: text.join(' ') });
        said += text.length;
        t += seconds + random();
        speaker = random() < 0.7 ? (speaker === 'Agent' ? 'Customer' : 'Agent') : speaker;
      }
      return lines;
    },
  };
}
