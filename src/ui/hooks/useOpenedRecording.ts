import { useEffect, useState } from 'react';
import type { OpenedRecording, RecordingMedia, RecordingRefs } from '../api/recording-media';

export type RecordingLoad = { status: 'loading' } | { status: 'ready'; opened: OpenedRecording } | { status: 'error'; message: string };

/**
 * Opens a recording's media through the surface's RecordingMedia (the local cookie, Flex's token,
 * a customer's watch link) and closes what it opened when the refs change or the view goes.
 * `retry()` opens it again after a failure. Nothing is opened while `enabled` is false.
 */
export function useOpenedRecording(media: RecordingMedia | undefined, refs: RecordingRefs, enabled = true): { load: RecordingLoad; retry(): void } {
  const [load, setLoad] = useState<RecordingLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The refs' content, not the object: a card re-renders with equal attributes often.
  const key = JSON.stringify([refs.mediaUrl, refs.captionsUrl, refs.transcriptUrl, refs.hasTranscript, refs.watchUrl]);
  useEffect(() => {
    if (!media || !enabled) return undefined;
    let live = true;
    let opened: OpenedRecording | null = null;
    setLoad({ status: 'loading' });
    media.open(refs).then(
      (o) => {
        opened = o;
        if (live) setLoad({ status: 'ready', opened: o });
        else o.close();
      },
      (e: unknown) => live && setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      opened?.close();
    };
    // `key` stands for refs in the dependencies.
  }, [media, key, enabled, attempt]);
  return { load, retry: () => setAttempt((n) => n + 1) };
}
