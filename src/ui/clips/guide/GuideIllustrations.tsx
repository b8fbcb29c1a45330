import React from 'react';

/**
 * Small drawings for the guide's three steps, inline so the page loads nothing more (and the
 * customer pages' CSP allows only our own files). Decorative: each step's words say it all.
 */
const frame = { width: 96, height: 64, viewBox: '0 0 96 64', 'aria-hidden': true, focusable: 'false' } as const;
const INK = '#1c1e21';
const ACCENT = '#0b57d0';
const RECORD = '#b3261e';

/** A screen and a face: choose what to show. */
export function ChooseIllustration() {
  return (
    <svg {...frame} className="vx-clip-guide__picture" data-testid="clip-guide-picture">
      <rect x="4" y="6" width="56" height="38" rx="3" fill="#e8f0fe" stroke={INK} strokeWidth="2" />
      <line x1="12" y1="16" x2="48" y2="16" stroke={ACCENT} strokeWidth="3" />
      <line x1="12" y1="24" x2="40" y2="24" stroke={ACCENT} strokeWidth="3" />
      <line x1="24" y1="44" x2="24" y2="54" stroke={INK} strokeWidth="2" />
      <line x1="16" y1="54" x2="40" y2="54" stroke={INK} strokeWidth="2" />
      <circle cx="76" cy="26" r="9" fill="#fde7c8" stroke={INK} strokeWidth="2" />
      <path d="M62 54 q14 -20 28 0" fill="#fde7c8" stroke={INK} strokeWidth="2" />
    </svg>
  );
}

/** A ticked box and the round Record button. */
export function RecordIllustration() {
  return (
    <svg {...frame} className="vx-clip-guide__picture" data-testid="clip-guide-picture">
      <rect x="8" y="20" width="24" height="24" rx="4" fill="#fff" stroke={INK} strokeWidth="2" />
      <path d="M13 32 l6 6 l10 -13" fill="none" stroke={ACCENT} strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M38 32 h10 m-4 -4 l4 4 l-4 4" fill="none" stroke={INK} strokeWidth="2" strokeLinecap="round" />
      <circle cx="72" cy="32" r="18" fill="#fff" stroke={INK} strokeWidth="2" />
      <circle cx="72" cy="32" r="10" fill={RECORD} />
    </svg>
  );
}

/** A player and a paper plane: watch it, then Send. */
export function SendIllustration() {
  return (
    <svg {...frame} className="vx-clip-guide__picture" data-testid="clip-guide-picture">
      <rect x="4" y="10" width="52" height="40" rx="3" fill="#fff" stroke={INK} strokeWidth="2" />
      <path d="M24 22 v16 l14 -8 z" fill={ACCENT} />
      <path d="M62 34 l30 -16 l-8 30 l-8 -9 z" fill="#e8f0fe" stroke={INK} strokeWidth="2" strokeLinejoin="round" />
      <line x1="76" y1="39" x2="92" y2="18" stroke={INK} strokeWidth="2" />
    </svg>
  );
}
