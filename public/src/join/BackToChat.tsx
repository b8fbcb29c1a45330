import React, { useState } from 'react';

export interface BrowserHistory {
  /** Pages before this one in this tab (the chat, when the link was opened from it). */
  canGoBack(): boolean;
  back(): void;
  /** Closes the tab if the browser allows it (a tab a link or script opened); false if it stayed open. */
  close(): boolean;
}

export const browserHistory: BrowserHistory = {
  // Pages send no referrer (tokens ride in fragments), so the tab's history is what tells.
  canGoBack: () => window.history.length > 1,
  back: () => window.history.back(),
  close: () => {
    window.close();
    return window.closed;
  },
};

/**
 * The way back to the chat after the call: the chat opened the link in this tab, so back is
 * history; a link opened in a tab of its own can close it; failing both, say where the chat is.
 */
export function BackToChat({ history = browserHistory }: { history?: BrowserHistory }) {
  const [stuck, setStuck] = useState(false);
  const goBack = () => {
    if (history.canGoBack()) return history.back();
    if (!history.close()) setStuck(true);
  };
  return (
    <div className="back-to-chat">
      <button type="button" className="btn btn--primary" data-testid="back-to-chat" onClick={goBack}>
        Back to the chat
      </button>
      {stuck && (
        <p className="lead" role="status">
          Your chat is in another tab or app: switch back to it there. You can close this tab.
        </p>
      )}
    </div>
  );
}
