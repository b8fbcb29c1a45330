import React, { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationMatch, FindConversationsResponse } from '../../api/privacy-contract';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../hooks/useFieldIds';
import { formatWhen } from './format';
import { useBusy } from './useAsync';

export interface ConversationFinderProps {
  api: Pick<PrivacyApi, 'findConversations'>;
  /** The conversation picked last (marked in the list). */
  pickedId: string | null;
  onPick(conversation: ConversationMatch): void;
  /** Changes when a hold was set or lifted: the last search runs again so its flags stay true. */
  refreshKey?: number;
}

function summary(found: FindConversationsResponse, query: string): string {
  const n = found.conversations.length;
  if (n === 0) return `No conversation matches "${query}".`;
  const listed = `${n} conversation${n === 1 ? '' : 's'} found, newest first.`;
  return found.more ? `${listed} More match: type more of the name to narrow the list.` : listed;
}

/**
 * Finds a conversation by its customer's name (part of it, any case) or its id, so a supervisor
 * never needs an id from elsewhere. Each result says enough to tell two Jordans apart: when it
 * started, its agent, open or closed, on hold or not. Picking one hands it to the hold and erasure panels.
 */
export function ConversationFinder({ api, pickedId, onPick, refreshKey = 0 }: ConversationFinderProps) {
  const ids = useFieldIds('find');
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  // The last search, for the re-run after a hold change (the effect must not re-run on each search).
  const last = useRef('');
  const [found, setFound] = useState<FindConversationsResponse | null>(null);
  const { busy, run, error } = useBusy();

  const search = useCallback(
    (q: string) =>
      void run(async () => {
        const res = await api.findConversations(q);
        // An answer without a list (an old or foreign server) is an error, not a crash.
        if (!Array.isArray(res?.conversations)) throw new Error('The server answered without conversations.');
        return res;
      }).then((res) => setFound(res ?? null)),
    [api, run],
  );

  useEffect(() => {
    if (refreshKey && last.current) search(last.current);
  }, [refreshKey, search]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const q = draft.trim();
    if (!q) return;
    setQuery(q);
    last.current = q;
    search(q);
  };

  return (
    <div className="vx-privacy__finder" data-testid="conversation-finder">
      <form role="search" aria-label="Conversations" className="vx-privacy__form" onSubmit={submit}>
        <div className="vx-field vx-privacy__grow">
          <label htmlFor={`${ids}-query`}>Customer name or conversation id</label>
          <input id={`${ids}-query`} type="search" value={draft} maxLength={200} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit" className="vx-button vx-button--primary" disabled={busy || !draft.trim()}>
          Find
        </button>
      </form>
      <p role="status" className="vx-privacy__status" data-testid="finder-status">
        {busy ? 'Searching…' : found ? summary(found, query) : ''}
      </p>
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
      {found && found.conversations.length > 0 && (
        <ul className="vx-privacy__matches" aria-label={`Conversations matching "${query}"`}>
          {found.conversations.map((c) => (
            <li key={c.conversationId}>
              <button
                type="button"
                className="vx-privacy__match"
                data-testid="found-conversation"
                data-conversation-id={c.conversationId}
                aria-current={c.conversationId === pickedId ? 'true' : undefined}
                onClick={() => onPick(c)}
              >
                <span className="vx-privacy__match-name">{c.customerName}</span>
                <span className="vx-privacy__match-meta">
                  Started {formatWhen(c.startedAt)} · {c.agentName ? `Agent: ${c.agentName}` : 'No call or clip yet'} · {c.closed ? 'Closed' : 'Open'}
                  {c.onHold ? ' · On legal hold' : ''}
                </span>
                <span className="vx-privacy__match-meta">Conversation {c.conversationId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
