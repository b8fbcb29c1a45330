import React from 'react';

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits `text` at the [from, to) ranges the server says matched. Ranges may come unsorted,
 * overlapping or out of bounds (the server counts characters; a bad range must not break a line).
 */
export function highlightParts(text: string, ranges: ReadonlyArray<readonly [number, number]>): TextPart[] {
  const clamped = ranges
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [a, b] of clamped) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) parts.push({ text: text.slice(at, from), match: false });
    parts.push({ text: text.slice(from, b), match: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** A transcript line with the matched words in <mark> (screen readers announce it as highlighted). */
export function Highlighted({ text, ranges }: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  return (
    <>
      {highlightParts(text, ranges).map((p, i) =>
        p.match ? (
          <mark key={i} className="vx-library__mark">
            {p.text}
          </mark>
        ) : (
          <React.Fragment key={i}>{p.text}</React.Fragment>
        ),
      )}
    </>
  );
}
