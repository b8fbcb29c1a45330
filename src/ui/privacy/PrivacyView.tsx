import React, { useState } from 'react';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../library/useFieldIds';
import { AuditLogTable } from './AuditLogTable';
import { ErasePanel } from './ErasePanel';
import { LegalHoldControl } from './LegalHoldControl';
import { StorageUsageTable } from './StorageUsageTable';

/** The supervisors' privacy tools in one view: legal hold, erasure on request, storage usage, the audit log. */
export function PrivacyView({ api }: { api: PrivacyApi }) {
  const ids = useFieldIds('privacy');
  const [draft, setDraft] = useState('');
  const [conversationId, setConversationId] = useState('');
  return (
    <div className="vx-privacy">
      <section aria-labelledby={`${ids}-hold`}>
        <h2 id={`${ids}-hold`}>Legal hold</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setConversationId(draft.trim());
          }}
        >
          <div className="vx-field">
            <label htmlFor={`${ids}-conversation`}>Conversation id</label>
            <input id={`${ids}-conversation`} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <button type="submit" className="vx-button" disabled={!draft.trim()}>
            Show legal hold
          </button>
        </form>
        {conversationId && <LegalHoldControl api={api} conversationId={conversationId} />}
      </section>
      <section aria-labelledby={`${ids}-erase`}>
        <h2 id={`${ids}-erase`}>Erase a customer on request</h2>
        <ErasePanel api={api} />
      </section>
      <section aria-labelledby={`${ids}-storage`}>
        <h2 id={`${ids}-storage`}>Storage usage</h2>
        <StorageUsageTable api={api} />
      </section>
      <section aria-labelledby={`${ids}-audit`}>
        <h2 id={`${ids}-audit`}>Audit log</h2>
        <AuditLogTable api={api} />
      </section>
    </div>
  );
}
