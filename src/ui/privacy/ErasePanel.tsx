import React, { useEffect, useRef, useState } from 'react';
import type { EraseCustomerRequest, EraseCustomerResponse, ErasureCounts } from '../../api/privacy-contract';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../hooks/useFieldIds';
import { COUNT_LABELS, itemsOf } from './format';
import { useBusy } from './useAsync';

type By = 'customerIdentity' | 'conversationId';

function CountList({ counts, testId }: { counts: ErasureCounts; testId: string }) {
  return (
    <dl className="vx-privacy__counts" data-testid={testId}>
      {COUNT_LABELS.map(([key, label]) => (
        <div key={key} data-count={key}>
          <dt>{label}</dt>
          <dd>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Erasure on a customer's request: name the customer (an identity or a conversation), count what
 * would be erased (a dry run), then confirm "Erase N items". The result says what went; a legal
 * hold or a recording still in progress is explained, and nothing is erased.
 */
export function ErasePanel({ api, conversationId }: { api: Pick<PrivacyApi, 'erase'>; /** The conversation picked in the finder: erasure by conversation, filled in. */ conversationId?: string }) {
  const ids = useFieldIds('erase');
  const [by, setBy] = useState<By>('customerIdentity');
  const [value, setValue] = useState('');
  const [dry, setDry] = useState<EraseCustomerResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<EraseCustomerResponse | null>(null);
  const { busy, run, error } = useBusy();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // A conversation picked in the finder is the one to count and erase (the counts start over).
  useEffect(() => {
    if (!conversationId) return;
    setBy('conversationId');
    setValue(conversationId);
    setDry(null);
    setConfirming(false);
    setResult(null);
  }, [conversationId]);

  const request = (dryRun: boolean): EraseCustomerRequest => ({ [by]: value.trim(), dryRun }) as EraseCustomerRequest;
  const reset = () => {
    setDry(null);
    setConfirming(false);
  };

  const count = async (e: React.FormEvent) => {
    e.preventDefault();
    setResult(null);
    reset();
    const res = await run(() => api.erase(request(true)));
    if (res) setDry(res);
  };
  const erase = async () => {
    const res = await run(() => api.erase(request(false)));
    reset();
    if (res) setResult(res);
  };

  const n = dry ? itemsOf(dry.counts) : 0;
  return (
    <div className="vx-privacy__erase" data-testid="erase-panel">
      <form onSubmit={(e) => void count(e)}>
        <fieldset className="vx-privacy__by">
          <legend>Find the customer by</legend>
          {(
            [
              ['customerIdentity', 'Customer identity'],
              ['conversationId', 'Conversation'],
            ] as const
          ).map(([key, label]) => (
            <label key={key}>
              <input
                type="radio"
                name={`${ids}-by`}
                value={key}
                checked={by === key}
                onChange={() => {
                  setBy(key);
                  reset();
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <div className="vx-field">
          <label htmlFor={`${ids}-value`}>{by === 'customerIdentity' ? 'Customer identity (customer:…)' : 'Conversation id'}</label>
          <input
            id={`${ids}-value`}
            value={value}
            required
            onChange={(e) => {
              setValue(e.target.value);
              reset();
            }}
          />
        </div>
        <button type="submit" className="vx-button" disabled={busy || !value.trim()}>
          Count what would be erased
        </button>
      </form>
      <div role="status" aria-live="polite" className="vx-privacy__result">
        {dry && (
          <>
            <p>{n === 0 ? 'Nothing of this customer is left to erase.' : `A real run would erase or rewrite ${n} items:`}</p>
            <CountList counts={dry.counts} testId="dry-run-counts" />
          </>
        )}
        {result && (
          <>
            <p data-testid="erase-result">
              {itemsOf(result.counts) === 0 ? 'Nothing was left to erase.' : `Erased ${itemsOf(result.counts)} items.`}
              {result.auditId ? ` Audit entry ${result.auditId}.` : ''}
            </p>
            <CountList counts={result.counts} testId="erased-counts" />
          </>
        )}
      </div>
      {dry && n > 0 && !confirming && (
        <button type="button" className="vx-button vx-button--danger" onClick={() => setConfirming(true)} disabled={busy}>
          Erase {n} items
        </button>
      )}
      {confirming && (
        <div role="group" aria-labelledby={`${ids}-confirm`} className="vx-privacy__confirm">
          <p id={`${ids}-confirm`}>
            Erase {n} items for good? Media, transcripts and links cannot be restored. Consent records and an audit entry are kept.
          </p>
          <button ref={confirmRef} type="button" className="vx-button vx-button--danger" onClick={() => void erase()} disabled={busy}>
            Yes, erase {n} items
          </button>{' '}
          <button type="button" className="vx-button" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
    </div>
  );
}
