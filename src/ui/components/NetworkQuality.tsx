import React from 'react';
import type { NetworkQualityLevel } from '../../client/video-client';

const WORDS = ['no connection', 'very poor', 'poor', 'fair', 'good', 'excellent'];

/** Five bars, like a phone's; the words are there for screen readers and on hover. */
export function NetworkQuality({ level }: { level: NetworkQualityLevel | null }) {
  if (level === null) return null;
  const label = `Network quality: ${WORDS[level]}`;
  return (
    <span className="vx-network" role="img" aria-label={label} title={label} data-testid="network-quality" data-level={level}>
      {[1, 2, 3, 4, 5].map((bar) => (
        <span
          key={bar}
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width: 4,
            height: 4 + bar * 3,
            marginRight: 2,
            verticalAlign: 'bottom',
            borderRadius: 1,
            background: bar <= level ? (level <= 2 ? '#b3261e' : '#1b7f3b') : '#9aa0a6',
          }}
        />
      ))}
    </span>
  );
}
