import React, { useRef, useState } from 'react';
import type { ConversationMatch } from '../../api/privacy-contract';
import type { PrivacyApi } from '../api/privacy-api';
import { ConversationLabel } from '../components/ConversationLabel';
import { useFieldIds } from '../hooks/useFieldIds';
import { AuditLogTable } from './AuditLogTable';
import { ConversationFinder } from './ConversationFinder';
import { ErasePanel } from './ErasePanel';
import { LegalHoldControl } from './LegalHoldControl';
import { StorageUsageTable } from './StorageUsageTable';

/**
 * The supervisors' privacy tools in one view: find a conversation by its customer, then its legal
 * hold and erasure on request; storage usage; the audit log.
 */
export function PrivacyView({ api }: { api: PrivacyApi }) {
  const ids = useFieldIds('privacy');
  const [picked, setPicked] = useState<ConversationMatch | null>(null);
  const [holdChanges, setHoldChanges] = useState(0);
  const holdHeading = useRef<HTMLHeadingElement>(null);

  const pick = (c: ConversationMatch) => {
    setPicked(c);
    // Keyboard and screen-reader users land on what the pick changed.
    holdHeading.current?.focus();
  };

  return (
    <div className="vx-privacy">
      <section className="vx-privacy__section" aria-labelledby={`${ids}-find`}>
        <h2 id={`${ids}-find`}>Find a conversation</h2>
        <ConversationFinder api={api} pickedId={picked?.conversationId ?? null} onPick={pick} refreshKey={holdChanges} />
      </section>
      <section className="vx-privacy__section" aria-labelledby={`${ids}-hold`}>
        <h2 id={`${ids}-hold`} ref={holdHeading} tabIndex={-1}>
          Legal hold
        </h2>
        {picked ? (
          <>
            <p className="vx-privacy__picked" data-testid="picked-conversation">
              <ConversationLabel conversationId={picked.conversationId} customerName={picked.customerName} />
            </p>
            <LegalHoldControl api={api} conversationId={picked.conversationId} onChange={() => setHoldChanges((n) => n + 1)} />
          </>
        ) : (
          <p className="vx-privacy__hint">Find a conversation above to see, set or lift its legal hold.</p>
        )}
      </section>
      <section className="vx-privacy__section" aria-labelledby={`${ids}-erase`}>
        <h2 id={`${ids}-erase`}>Erase a customer on request</h2>
        <ErasePanel api={api} conversationId={picked?.conversationId} />
      </section>
      <section className="vx-privacy__section" aria-labelledby={`${ids}-storage`}>
        <h2 id={`${ids}-storage`}>Storage usage</h2>
        <StorageUsageTable api={api} />
      </section>
      <section className="vx-privacy__section" aria-labelledby={`${ids}-audit`}>
        <h2 id={`${ids}-audit`}>Audit log</h2>
        <AuditLogTable api={api} />
      </section>
    </div>
  );
}
