import React from 'react';

/** The clip message's `views` attribute: the customer's furthest point and whether they watched it through. */
export interface ClipViews {
  customer?: { furthestSeconds?: number; completed?: boolean };
}

/** How much of the clip the customer reached, in whole percent (capped at 100); null without a length. */
export function watchedPercent(furthestSeconds: number, durationSeconds: number | undefined): number | null {
  if (!durationSeconds || durationSeconds <= 0) return null;
  return Math.min(100, Math.round((Math.max(0, furthestSeconds) / durationSeconds) * 100));
}

/** What the agent reads under the clip they sent: not opened yet, opened and how far, or watched. */
export function clipViewsText(views: ClipViews | undefined, durationSeconds: number | undefined): string {
  const customer = views?.customer;
  if (!customer) return 'Not watched by the customer yet';
  const percent = watchedPercent(customer.furthestSeconds ?? 0, durationSeconds);
  const how = percent === null ? '' : ` · ${percent} %`;
  return customer.completed ? `Watched by the customer${how}` : `Opened by the customer${how}`;
}

/** The sender's view of their clip: did the customer watch it, and how far. */
export function ClipViewsBadge({ views, durationSeconds }: { views?: ClipViews; durationSeconds?: number }) {
  const customer = views?.customer;
  const state = !customer ? 'unopened' : customer.completed ? 'watched' : 'opened';
  return (
    <p className={`card__meta clip-views clip-views--${state}`} data-testid="clip-views" data-state={state}>
      {clipViewsText(views, durationSeconds)}
    </p>
  );
}
