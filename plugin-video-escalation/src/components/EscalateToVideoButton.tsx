import { Actions, type ITask } from '@twilio/flex-ui';
import React, { useState } from 'react';
import type { EscalateResponse } from '../../../src/api/contract';
import { useAgentCallState } from '../../../src/ui/hooks/useAgentCall';
import { timeOfDay } from '../../../src/ui/cards/format';
import { EscalateButton } from '../../../src/ui/components/EscalateButton';
import type { CallRegistry } from '../call-registry';
import { ACTION_ESCALATE } from '../context';
import { conversationSidOf } from '../task';

/** The header's "Escalate to video": invokes the Flex action, then says which link went out. */
export function EscalateToVideoButton({ task, calls }: { task?: ITask; calls: CallRegistry }) {
  const sid = conversationSidOf(task);
  const view = useAgentCallState(sid ? calls.for(sid) : null);
  const [sent, setSent] = useState<EscalateResponse | null>(null);
  const escalate = async () => {
    try {
      setSent((await Actions.invokeAction(ACTION_ESCALATE, { task })) as EscalateResponse);
    } catch (e) {
      // A before listener (another plugin, a policy) may cancel the action: say so plainly.
      if (e instanceof Error && /cancelled by before event/.test(e.message)) throw new Error('The video call was not started.');
      throw e;
    }
  };
  return (
    <div className="vx-flex-header">
      <EscalateButton conversationId={sid} onEscalate={escalate} disabled={view.connected} label={view.connected ? 'On video' : 'Escalate to video'} />
      {sent && (
        <p className="vx-status" role="status" data-testid="link-sent">
          {sent.reused ? 'You rejoined the open video call. ' : 'Link sent to the customer: '}
          <a href={sent.customerLink} target="_blank" rel="noopener noreferrer" data-testid="sent-link">
            customer’s video link
          </a>
          {` (valid until ${timeOfDay(sent.linkExpiresAt)}).`}
        </p>
      )}
    </div>
  );
}
