import React, { useState } from 'react';
import type { CloseConversationResponse } from '../../../../api/privacy-contract';
import { requestJson } from '../../../../client/request-json';
import type { Attributes } from '../../../../domain/conversation';

interface Retention {
  closedAt?: string;
  mediaDeletesAt?: string | null;
  onHold?: boolean;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * The console's "Close conversation": a confirmation first (closing starts the retention clock
 * and cannot be undone), then the state the conversation's `retention` attribute reports live.
 */
export function CloseConversation(props: { conversationId: string; attributes: Attributes; token: string; fetchImpl?: typeof fetch }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<CloseConversationResponse | null>(null);
  const live = (props.attributes.retention ?? {}) as Retention;
  const closedAt = live.closedAt ?? closed?.closedAt;
  if (closedAt) {
    const onHold = live.onHold ?? closed?.onHold;
    const deletesAt = live.mediaDeletesAt ?? closed?.mediaDeletesAt;
    return (
      <p className="muted" role="status" data-testid="conversation-closed" data-on-hold={onHold ? 'true' : 'false'}>
        {onHold ? 'Closed · on legal hold' : `Closed · media deleted on ${deletesAt ? day(deletesAt) : 'schedule'}`}
      </p>
    );
  }
  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      setClosed(
        await requestJson<CloseConversationResponse>('/close-conversation', { method: 'POST', body: { conversationId: props.conversationId, Token: props.token } }, props.fetchImpl),
      );
      setConfirming(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not close the conversation.');
    } finally {
      setBusy(false);
    }
  };
  if (!confirming) {
    return (
      <button type="button" className="vx-button" data-testid="close-conversation-button" onClick={() => setConfirming(true)}>
        Close conversation
      </button>
    );
  }
  return (
    <div role="group" aria-label="Close conversation" data-testid="close-conversation-confirm">
      <p>Close this conversation? Its videos are deleted under the retention policy; transcripts are kept.</p>
      <button type="button" data-testid="close-conversation-yes" disabled={busy} onClick={() => void close()} autoFocus>
        {busy ? 'Closing…' : 'Close it'}
      </button>
      <button type="button" data-testid="close-conversation-no" disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && (
        <p className="vx-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
