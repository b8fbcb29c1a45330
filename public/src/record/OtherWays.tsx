import React, { useState } from 'react';
import { useFieldIds } from '../../../src/ui/hooks/useFieldIds';
import type { BrowserHistory } from '../join/BackToChat';
import type { ClipPreference, PreferInstead } from './clip-preference-api';

export interface OtherWaysProps {
  agentName: string;
  prefer: PreferInstead;
  history: BrowserHistory;
}

type Said = { state: 'idle' } | { state: 'sending'; preference: ClipPreference } | { state: 'told'; preference: ClipPreference; stuck: boolean } | { state: 'failed' };

/**
 * For a customer who would rather not record: "Prefer to type?" tells the agent and goes back to
 * the chat; "Prefer a call?" asks the agent for a live video call. Either way the recording link
 * keeps working, so the recorder below stays usable if they change their mind.
 */
export function OtherWays({ agentName, prefer, history }: OtherWaysProps) {
  const [said, setSaid] = useState<Said>({ state: 'idle' });
  const id = useFieldIds('clip-other-ways');

  const choose = async (preference: ClipPreference) => {
    if (said.state === 'sending') return;
    setSaid({ state: 'sending', preference });
    try {
      await prefer(preference);
    } catch {
      return setSaid({ state: 'failed' });
    }
    let stuck = false;
    if (preference === 'type') {
      // Back to the chat: this tab's history when the chat opened it, else close the tab the link opened.
      if (history.canGoBack()) history.back();
      else stuck = !history.close();
    }
    setSaid({ state: 'told', preference, stuck });
  };
  const busy = said.state === 'sending';

  return (
    <section className="record-other-ways" aria-labelledby={`${id}-title`} data-testid="clip-other-ways">
      <h2 id={`${id}-title`} className="record-other-ways__title">
        Rather not record?
      </h2>
      <div className="vx-controls">
        <button type="button" className="vx-button" data-testid="clip-prefer-type" aria-describedby={`${id}-type`} aria-disabled={busy} onClick={() => void choose('type')}>
          Prefer to type?
        </button>
        <button type="button" className="vx-button" data-testid="clip-prefer-call" aria-describedby={`${id}-call`} aria-disabled={busy} onClick={() => void choose('call')}>
          Prefer a call?
        </button>
      </div>
      <p className="vx-clip__hint">
        <span id={`${id}-type`}>Back to the chat; {agentName} is told.</span> <span id={`${id}-call`}>Or ask {agentName} for a live video call.</span>
      </p>
      <div role="status" aria-live="polite" data-testid="clip-other-ways-status">
        {said.state === 'told' && said.preference === 'type' && (
          <p>
            We told {agentName} you would rather type.{' '}
            {said.stuck ? 'Your chat is in another tab or app: switch back to it there. You can close this tab.' : ''}
          </p>
        )}
        {said.state === 'told' && said.preference === 'call' && (
          <p>We asked {agentName} for a live video call. The call link will appear in your chat.</p>
        )}
        {said.state === 'told' && <p className="vx-clip__hint">Changed your mind? You can still record below: this link keeps working.</p>}
      </div>
      {said.state === 'failed' && (
        <p className="vx-error" role="alert" data-testid="clip-other-ways-error">
          We could not tell {agentName}. Check your connection and try again.
        </p>
      )}
    </section>
  );
}
