import React, { useState } from 'react';

/** One-line message box; Enter sends. Keeps the text if sending fails. */
export function Composer({ onSend, label = 'Message' }: { onSend(body: string): Promise<void>; label?: string }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(body);
      setText('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not send.');
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="composer-input">
        {label}
      </label>
      <input
        id="composer-input"
        data-testid="composer-input"
        autoComplete="off"
        placeholder="Type a message"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="vx-button vx-button--primary" data-testid="send-button" disabled={sending || !text.trim()}>
        Send
      </button>
      {error && (
        <p className="vx-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
