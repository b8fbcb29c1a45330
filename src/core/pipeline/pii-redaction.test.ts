import type { PipelineJob } from '../../domain/pipeline-job';
import type { TranscribedSegment } from '../../domain/pipeline-job';
import { compositionReady } from './compose/composition-events';
import type { PipelineDeps } from './deps';
import { roomEnded } from './room-ended';
import { RecordingComposer, RecordingTranscriber } from './test-support/fake-engines';
import { MemoryArtifacts, MemoryConversations, MemoryPipelineStore } from './test-support/in-memory';
import { transcriptReady } from './text/transcript-events';

const CARD_WORDS = ['four', 'forty', 'one', 'eleven', 'double'];
const timed = (start: number, text: string): TranscribedSegment => {
  const words = text.split(' ').map((word, i) => ({ word, start: start + i * 0.4, end: start + i * 0.4 + 0.3 }));
  return { start, end: words[words.length - 1].end, text, words };
};

async function runCall(agent: TranscribedSegment[], customer: TranscribedSegment[]) {
  const store = new MemoryPipelineStore();
  const conversations = new MemoryConversations();
  conversations.add('CH1', {});
  const artifacts = new MemoryArtifacts();
  const transcriber = new RecordingTranscriber();
  transcriber.results.set('REC1-speech-0', agent);
  transcriber.results.set('REC1-speech-1', customer);
  const deps: PipelineDeps = {
    store,
    composer: new RecordingComposer(),
    transcriber,
    artifacts,
    conversations,
    clock: { now: () => new Date('2024-01-01T00:04:00Z') },
    retry: { maxAttempts: 3, backoffMs: 10 },
    newRecordingId: () => 'REC1',
  };
  await roomEnded(deps, { roomName: 'esc-1', roomSid: 'RM1', conversationId: 'CH1', escalationId: 'e1', recording: true, endedAt: '2024-01-01T00:03:00Z' });
  for (const i of [0, 1]) {
    await compositionReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}` });
    await transcriptReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}`, transcriptId: transcriber.idFor(`REC1-speech-${i}`) });
  }
  const stored = (await store.get('esc-1')) as PipelineJob;
  await compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-video', durationSeconds: 30 });
  return { stored, job: (await store.get('esc-1')) as PipelineJob, artifacts, message: conversations.messages[0] };
}

describe('PII redaction in the recording pipeline', () => {
  it('stores, captions and posts only markers, and flags the job with the kinds found', async () => {
    const { stored, job, artifacts, message } = await runCall(
      [timed(0, 'could you read me the card number and your email')],
      [timed(1, 'sure it is forty one eleven double one eleven'), timed(5, 'eleven eleven eleven eleven and mail is jo at example dot com')],
    );
    // Before attach: what the store holds for the customer is already redacted.
    expect(stored.speakers?.[1].segments?.map((s) => s.text)).toEqual(['sure it is [card number]', 'and mail is [email]']);
    expect(stored.pii).toEqual(['card_number', 'email']);
    expect(job.state).toBe('attached');
    expect(job.pii).toEqual(['card_number', 'email']);

    const transcriptJson = artifacts.files.get('REC1/transcript.json') as string;
    const captions = artifacts.files.get('REC1/captions.vtt') as string;
    // The message's attributes carry no transcript at all (cards read transcript.json); the body quotes its start.
    expect(JSON.stringify(message.attributes)).not.toMatch(/\d{4}|example|\[card number\]/);
    const texts = [transcriptJson, captions, message.body, JSON.stringify(job.transcript)];
    for (const text of texts) {
      expect(text).toContain('[card number]');
      expect(text).toContain('[email]');
      expect(text).not.toMatch(/\d{4}/);
      for (const w of CARD_WORDS) expect(text).not.toMatch(new RegExp(`\\b${w}\\b`));
      expect(text).not.toContain('example');
    }
    const words = JSON.parse(transcriptJson).segments.flatMap((s: { words: { word: string }[] }) => s.words.map((w) => w.word));
    expect(words).toContain('[card number]');
  });

  it('leaves job.pii unset and the transcript as said when nothing was found', async () => {
    const { job, message } = await runCall([timed(0, 'how can i help')], [timed(1, 'order 12345 arrived broken on march third')]);
    expect(job.pii).toBeUndefined();
    expect(message.body).toContain('order 12345 arrived broken on march third');
  });
});
