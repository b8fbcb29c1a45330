/** A transcript line as transcript.json serves it. */
export interface ServedSegment {
  speaker: string;
  role: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A recording message's transcript, read the way a card reads it since #18: from the message's
 * `transcriptUrl` on the stack's origin, with a staff token (the message carries only the URL).
 */
export async function messageTranscript(origin: string, token: string, attributes: Record<string, unknown>): Promise<ServedSegment[]> {
  const url = attributes.transcriptUrl;
  if (typeof url !== 'string' || !url) throw new Error(`the message has no transcriptUrl: ${JSON.stringify(attributes)}`);
  const res = await fetch(new URL(url, origin), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return ((await res.json()) as { segments: ServedSegment[] }).segments;
}
