import { Actions, type ITask } from '@twilio/flex-ui';
import React from 'react';
import { AsyncActionButton } from '../../../src/ui/components/AsyncActionButton';
import { ACTION_OFFER_CLIP } from '../context';

/** The header's "Ask for a video clip": invokes the Flex action (which a before listener may cancel). */
export function OfferClipButton({ task }: { task?: ITask }) {
  return (
    <AsyncActionButton
      label="Ask for a video clip"
      busyLabel="Sending the link…"
      failure="Could not send the recording link."
      testId="offer-clip-button"
      onClick={async () => void (await Actions.invokeAction(ACTION_OFFER_CLIP, { task }))}
    />
  );
}
