import React, { useEffect, useState } from 'react';
import type { LegalHold } from '../../domain/privacy';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../library/useFieldIds';
import { useBusy } from './useAsync';

const when = (iso: string): string => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A conversation's legal hold: shows who set it, when and why, and lifts it; or sets one, with a
 * reason that is required. While on hold nothing of the conversation is deleted or erased.
 */
export function LegalHoldControl({ api, conversationId }: { api: Pick<PrivacyApi, 'setHold' | 'liftHold' | 'currentHold'>; conversationId: string }) {
  const ids = useFieldIds('hold');
  const [hold, setHold] = useState<LegalHold | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState('');
  const { busy, run, error } = useBusy();

  useEffect(() => {
    setHold(undefined);
    setDone('');
    void run(() => api.currentHold(conversationId)).then((h) => h !== undefined && setHold(h));
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
    }
  };
  const lift = async () => {
    const res = await run(() => api.liftHold(conversationId));
    if (res) {
      setHold(null);
      setDone('Legal hold lifted. The retention policy applies again.');
    }
  };

  return (
    <div className="vx-privacy__hold" data-testid="legal-hold" data-on-hold={hold ? 'true' : 'false'}>
      {hold === undefined && !error && <p role="status">Checking the legal hold…</p>}
      {hold && (
        <>
          <p data-testid="hold-status">
            <strong>On legal hold</strong> since {when(hold.setAt)}, set by {hold.setBy}. Reason: {hold.reason}
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
