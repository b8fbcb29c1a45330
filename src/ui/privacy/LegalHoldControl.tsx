import React, { useEffect, useState } from 'react';
import type { HeldConversationClosure } from '../../api/privacy-contract';
import { staffNameOf, type LegalHold } from '../../domain/privacy';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../hooks/useFieldIds';
import { formatDay, formatWhen } from './format';
import { useBusy } from './useAsync';

/** Open, or closed on a day with the day its media goes (which a hold defers). */
function ClosureLine({ closure, onHold }: { closure: HeldConversationClosure | null; onHold: boolean }) {
  if (!closure) return <p data-testid="closure-status">Open</p>;
  const media = onHold ? `media kept while on hold (otherwise deleted on ${formatDay(closure.mediaDeletesAt)})` : `media deleted on ${formatDay(closure.mediaDeletesAt)}`;
  return (
    <p data-testid="closure-status">
      Closed on {formatDay(closure.closedAt)} · {media}
    </p>
  );
}

/**
 * A conversation's legal hold: shows who set it, when and why, and lifts it; or sets one, with a
 * reason that is required. Beside it, whether the conversation is open or closed and when its
 * media goes. While on hold nothing of the conversation is deleted or erased.
 */
export function LegalHoldControl({
  api,
  conversationId,
  onChange,
}: {
  api: Pick<PrivacyApi, 'setHold' | 'liftHold' | 'getHold'>;
  conversationId: string;
  /** A hold was set or lifted (lists that show holds refresh). */
  onChange?(): void;
}) {
  const ids = useFieldIds('hold');
  const [hold, setHold] = useState<LegalHold | null | undefined>(undefined);
  const [closure, setClosure] = useState<HeldConversationClosure | null>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState('');
  const { busy, run, error } = useBusy();

  useEffect(() => {
    setHold(undefined);
    setClosure(null);
    setDone('');
    void run(() => api.getHold(conversationId)).then((res) => {
      if (!res) return;
      setHold(res.hold ?? null);
      setClosure(res.closure ?? null);
    });
  }, [api, conversationId, run]);

  const set = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const res = await run(() => api.setHold(conversationId, reason.trim()));
    if (res) {
      setHold(res.hold);
      setReason('');
      setDone('Legal hold set. Nothing in this conversation will be deleted until it is lifted.');
      onChange?.();
    }
  };
  const lift = async () => {
    const res = await run(() => api.liftHold(conversationId));
    if (res) {
      setHold(null);
      setDone('Legal hold lifted. The retention policy applies again.');
      onChange?.();
    }
  };

  return (
    <div className="vx-privacy__hold" data-testid="legal-hold" data-on-hold={hold ? 'true' : 'false'}>
      {hold === undefined && !error && <p role="status">Checking the legal hold…</p>}
      {hold !== undefined && <ClosureLine closure={closure} onHold={hold !== null} />}
      {hold && (
        <>
          <p data-testid="hold-status">
            <strong>On legal hold</strong> since {formatWhen(hold.setAt)}, set by {staffNameOf(hold.setBy, hold.setByName)}. Reason: {hold.reason}
          </p>
          <button type="button" className="vx-button" onClick={() => void lift()} disabled={busy}>
            Lift the legal hold
          </button>
        </>
      )}
      {hold === null && (
        <form onSubmit={(e) => void set(e)} noValidate>
          <p data-testid="hold-status">Not on legal hold.</p>
          <div className="vx-field">
            <label htmlFor={`${ids}-reason`}>Reason for the hold (required)</label>
            <textarea
              id={`${ids}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={500}
              rows={2}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${ids}-reason-error` : undefined}
            />
            {invalid && (
              <p id={`${ids}-reason-error`} className="vx-error">
                Say why the conversation is on legal hold.
              </p>
            )}
          </div>
          <button type="submit" className="vx-button vx-button--primary" disabled={busy}>
            Set legal hold
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
      <p role="status" className="vx-privacy__result">
        {done}
      </p>
    </div>
  );
}
