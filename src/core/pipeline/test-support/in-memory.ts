import type { Clip } from '../../../domain/clip';
import type { ClipStore } from '../../../ports/clip-store';
import type { ConsentRecord } from '../../../domain/consent';
import type { ConsentStore } from '../../../ports/consent-store';
import type { Attributes, Conversation, ConversationMessage } from '../../../domain/conversation';
import type { ConversationsPort, NewMessage } from '../../../ports/conversations';
import type { Escalation } from '../../../domain/escalation';
import type { EscalationStore } from '../../../ports/escalation-store';
import { type PipelineStore } from '../../../ports/pipeline-store';
import { TERMINAL_STATES, type PipelineJob } from '../../../domain/pipeline-job';
import type { ArtifactName, RecordingArtifacts, RecordingUrls } from '../../../ports/recording-artifacts';
import { mergeAttributes } from '../../merge-attributes';

/** In-memory stand-ins for unit tests of the pipeline core (the integration and contract tests use SQL). */
export class MemoryPipelineStore implements PipelineStore {
  readonly jobs = new Map<string, PipelineJob>();
  async insertIfAbsent(job: PipelineJob) {
    if (this.jobs.has(job.roomName)) return false;
    this.jobs.set(job.roomName, structuredClone(job));
    return true;
  }
  async get(roomName: string) {
    const j = this.jobs.get(roomName);
    return j ? structuredClone(j) : null;
  }
  async getByRecordingId(id: string) {
    const j = [...this.jobs.values()].find((x) => x.recordingId === id);
    return j ? structuredClone(j) : null;
  }
  async saveIfUnchanged(job: PipelineJob) {
    const stored = this.jobs.get(job.roomName);
    if (!stored || stored.version !== job.version - 1) return false;
    this.jobs.set(job.roomName, structuredClone(job));
    return true;
  }
  async listUnfinished() {
    return [...this.jobs.values()].filter((j) => !TERMINAL_STATES.includes(j.state));
  }
  async listByConversation(id: string) {
    return [...this.jobs.values()].filter((j) => j.conversationId === id);
  }
  readonly leases = new Map<string, { owner: string; until: string }>();
  async claimLease(roomName: string, owner: string, until: string, now: string) {
    const held = this.leases.get(roomName);
    if (!this.jobs.has(roomName) || (held && held.owner !== owner && held.until >= now)) return false;
    this.leases.set(roomName, { owner, until });
    return true;
  }
  async releaseLease(roomName: string, owner: string) {
    if (this.leases.get(roomName)?.owner === owner) this.leases.delete(roomName);
  }
}

export class MemoryConversations implements ConversationsPort {
  readonly conversations = new Map<string, Conversation>();
  readonly messages: ConversationMessage[] = [];
  private seq = 0;

  add(id: string, attributes: Attributes = {}) {
    this.conversations.set(id, { id, friendlyName: id, attributes, createdAt: new Date(0).toISOString() });
  }
  async get(id: string) {
    return this.conversations.get(id) ?? null;
  }
  async postMessage(conversationId: string, m: NewMessage) {
    if (!this.conversations.has(conversationId)) throw new Error('no such conversation');
    const msg: ConversationMessage = {
      id: `IM${++this.seq}`,
      conversationId,
      author: m.author,
      body: m.body,
      attributes: m.attributes ?? {},
      createdAt: new Date(0).toISOString(),
    };
    this.messages.push(msg);
    return msg;
  }
  async listMessages(conversationId: string) {
    return this.messages.filter((m) => m.conversationId === conversationId);
  }
  async findMessageByAttribute(conversationId: string, key: string, value: string) {
    return this.messages.find((m) => m.conversationId === conversationId && m.attributes[key] === value) ?? null;
  }
  async updateMessage(conversationId: string, messageId: string, change: { body?: string; attributes: Attributes }) {
    const i = this.messages.findIndex((m) => m.conversationId === conversationId && m.id === messageId);
    if (i < 0) throw new Error('no such message');
    this.messages[i] = { ...this.messages[i], body: change.body ?? this.messages[i].body, attributes: change.attributes };
    return this.messages[i];
  }
  async mergeAttributes(conversationId: string, patch: Attributes) {
    const c = this.conversations.get(conversationId);
    if (!c) throw new Error('no such conversation');
    c.attributes = mergeAttributes(c.attributes, patch);
    return c.attributes;
  }
}

export class MemoryArtifacts implements RecordingArtifacts {
  readonly files = new Map<string, string>();
  writes = 0;
  async write(recordingId: string, name: ArtifactName, content: string) {
    this.writes++;
    this.files.set(`${recordingId}/${name}`, content);
  }
  async read(recordingId: string, name: ArtifactName) {
    return this.files.get(`${recordingId}/${name}`) ?? null;
  }
  async videoUrl(job: PipelineJob) {
    return `https://media.example/${job.video?.compositionId}`;
  }
  urls(recordingId: string): RecordingUrls {
    return {
      mediaUrl: `/media/recordings/${recordingId}/video.mp4`,
      captionsUrl: `/media/recordings/${recordingId}/captions.vtt`,
      transcriptUrl: `/media/recordings/${recordingId}/transcript.json`,
    };
  }
}

/** Consent records for unit tests. */
export class MemoryConsents implements ConsentStore {
  readonly rows: ConsentRecord[] = [];
  async record(c: ConsentRecord) {
    this.rows.push(structuredClone(c));
  }
  async listByEscalation(escalationId: string) {
    return structuredClone(this.rows.filter((r) => r.escalationId === escalationId));
  }
}

/** Escalations for unit tests of the core (the SQL store's contract tests cover both engines). */
export class MemoryEscalations implements EscalationStore {
  private readonly rows: Escalation[] = [];
  async insert(e: Escalation) {
    if (this.rows.some((r) => r.id === e.id)) throw new Error(`escalation ${e.id} exists`);
    if (e.status === 'active' && this.rows.some((r) => r.conversationId === e.conversationId && r.status === 'active')) return false;
    this.rows.push(structuredClone(e));
    return true;
  }
  async listActive() {
    return structuredClone(this.rows.filter((r) => r.status === 'active'));
  }
  async get(id: string) {
    return structuredClone(this.rows.find((r) => r.id === id) ?? null);
  }
  async findActiveByConversation(conversationId: string) {
    const active = this.rows.filter((r) => r.conversationId === conversationId && r.status === 'active');
    return structuredClone(active[active.length - 1] ?? null);
  }
  async findByRoomName(roomName: string) {
    return structuredClone(this.rows.find((r) => r.roomName === roomName) ?? null);
  }
  async listByConversation(conversationId: string) {
    return structuredClone(this.rows.filter((r) => r.conversationId === conversationId));
  }
  async findByCustomerIdentity(customerIdentity: string) {
    return structuredClone(this.rows.filter((r) => r.customerIdentity === customerIdentity));
  }
  async update(e: Escalation) {
    const i = this.rows.findIndex((r) => r.id === e.id);
    if (i < 0) throw new Error(`escalation ${e.id} does not exist`);
    this.rows[i] = structuredClone(e);
  }
}

/** Clips for unit tests of the core (the SQL store's contract tests cover both engines). */
export class MemoryClips implements ClipStore {
  readonly rows = new Map<string, Clip>();
  async insert(c: Clip) {
    if (this.rows.has(c.id)) throw new Error(`clip ${c.id} exists`);
    this.rows.set(c.id, structuredClone(c));
  }
  async get(id: string) {
    const c = this.rows.get(id);
    return c ? structuredClone(c) : null;
  }
  async findByRoomName(roomName: string) {
    const c = [...this.rows.values()].find((r) => r.roomName === roomName);
    return c ? structuredClone(c) : null;
  }
  async listByConversation(conversationId: string) {
    return structuredClone([...this.rows.values()].filter((r) => r.conversationId === conversationId));
  }
  async listByAuthorIdentity(authorIdentity: string) {
    return structuredClone([...this.rows.values()].filter((r) => r.authorIdentity === authorIdentity));
  }
  async listOpenTakes() {
    return structuredClone([...this.rows.values()].filter((r) => r.status === 'recording' || r.status === 'paused'));
  }
  async saveIfUnchanged(c: Clip) {
    const stored = this.rows.get(c.id);
    if (!stored || stored.version !== c.version - 1) return false;
    this.rows.set(c.id, structuredClone(c));
    return true;
  }
}
