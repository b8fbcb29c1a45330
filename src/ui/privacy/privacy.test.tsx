import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import React from 'react';
import type { ConversationMatch, EraseCustomerRequest, ErasureCounts, HeldConversationClosure, StorageUsageResponse } from '../../api/privacy-contract';
import { ApiError } from '../../client/request-json';
import type { ConversationMessage } from '../../domain/conversation';
import type { AuditEntry, LegalHold } from '../../domain/privacy';
import type { PrivacyApi } from '../api/privacy-api';
import { RecordingCard } from '../cards/RecordingCard';
import { AuditLogTable } from './AuditLogTable';
import { ErasePanel } from './ErasePanel';
import { formatBytes, formatDay, formatUsd, formatWhen } from './format';
import { LegalHoldControl } from './LegalHoldControl';
import { PrivacyView } from './PrivacyView';
import { StorageUsageTable } from './StorageUsageTable';

const counts: ErasureCounts = { conversations: 1, recordings: 2, mediaFiles: 6, transcripts: 2, messages: 3, linkTokens: 1, clipViews: 1 };
const usage: StorageUsageResponse = {
  pricePerGbMonthUsd: 0.023,
  months: [
    { month: '2026-11', recordings: 3, bytes: 2_500_000_000, estimatedMonthlyCostUsd: 0.0575 },
    { month: '2026-10', recordings: 1, bytes: 0, estimatedMonthlyCostUsd: 0 },
  ],
  totalBytes: 2_500_000_000,
  totalEstimatedMonthlyCostUsd: 0.0575,
  budgetUsdMonth: 100,
};

class FakePrivacyApi implements PrivacyApi {
  readonly calls: unknown[] = [];
  hold: LegalHold | null = null;
  closure: HeldConversationClosure | null = null;
  eraseError: Error | null = null;
  audit: AuditEntry[] = [];
  auditError: Error | null = null;
  readonly auditCalls: unknown[] = [];
  conversations: ConversationMatch[] = [];
  more = false;
  readonly finds: string[] = [];
  async findConversations(query: string) {
    this.finds.push(query);
    const q = query.toLowerCase();
    const conversations = this.conversations
      .filter((c) => c.conversationId === query || c.customerName.toLowerCase().includes(q))
      .map((c) => ({ ...c, onHold: this.hold?.conversationId === c.conversationId }));
    return { conversations, more: this.more };
  }
  async erase(request: EraseCustomerRequest) {
    this.calls.push({ erase: request });
    if (this.eraseError) throw this.eraseError;
    return request.dryRun ? { dryRun: true, counts } : { dryRun: false, counts, auditId: 'audit-1' };
  }
  async storageUsage() {
    this.calls.push('storage');
    return usage;
  }
  async auditLog(filter?: { conversationId?: string }) {
    this.auditCalls.push(filter);
    if (this.auditError) throw this.auditError;
    return { entries: this.audit.filter((e) => !filter?.conversationId || e.conversationId === filter.conversationId) };
  }
  async setHold(conversationId: string, reason: string) {
    this.calls.push({ set: [conversationId, reason] });
    this.hold = { conversationId, reason, setBy: 'sue', setByName: 'Sue Park', setAt: '2026-11-21T10:00:00.000Z' };
    return { conversationId, hold: this.hold };
  }
  async liftHold(conversationId: string) {
    this.calls.push({ lift: conversationId });
    this.hold = null;
    return { conversationId, hold: null };
  }
  async getHold(conversationId: string) {
    return { conversationId, hold: this.hold, ...(this.closure ? { closure: this.closure } : {}) };
  }
}

async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('ErasePanel', () => {
  it('counts first (dry run), then erases exactly after a confirmation, and says what went', async () => {
    const api = new FakePrivacyApi();
    render(<ErasePanel api={api} />);
    const count = screen.getByRole('button', { name: 'Count what would be erased' });
    expect(count).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Customer identity (customer:…)'), { target: { value: ' customer:abc ' } });
    fireEvent.click(count);
    const dry = await screen.findByTestId('dry-run-counts');
    expect(api.calls).toEqual([{ erase: { customerIdentity: 'customer:abc', dryRun: true } }]);
    expect(within(dry).getByText('Media files').nextSibling?.textContent).toBe('6');
    expect(dry.closest('[role="status"]')).not.toBeNull();
    // 6 media + 2 transcripts + 3 messages + 1 link + 1 view.
    fireEvent.click(screen.getByRole('button', { name: 'Erase 13 items' }));
    const yes = screen.getByRole('button', { name: 'Yes, erase 13 items' });
    expect(document.activeElement).toBe(yes);
    expect(api.calls).toHaveLength(1);
    fireEvent.click(yes);
    expect((await screen.findByTestId('erase-result')).textContent).toBe('Erased 13 items. Audit entry audit-1.');
    expect(api.calls[1]).toEqual({ erase: { customerIdentity: 'customer:abc', dryRun: false } });
    expect(screen.queryByRole('button', { name: /^Erase \d+ items$/ })).toBeNull();
  });

  it('by conversation; Cancel erases nothing; editing the input drops stale counts', async () => {
    const api = new FakePrivacyApi();
    render(<ErasePanel api={api} />);
    fireEvent.click(screen.getByLabelText('Conversation'));
    fireEvent.change(screen.getByLabelText('Conversation id'), { target: { value: 'CH1' } });
    fireEvent.submit(screen.getByLabelText('Conversation id').closest('form') as HTMLFormElement);
    await screen.findByTestId('dry-run-counts');
    expect(api.calls).toEqual([{ erase: { conversationId: 'CH1', dryRun: true } }]);
    fireEvent.click(screen.getByRole('button', { name: 'Erase 13 items' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.calls).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Conversation id'), { target: { value: 'CH2' } });
    expect(screen.queryByTestId('dry-run-counts')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erase 13 items' })).toBeNull();
  });

  it("a legal hold's refusal is shown as the server words it", async () => {
    const api = new FakePrivacyApi();
    api.eraseError = new ApiError('legal_hold', 'Conversation CH1 is under legal hold (set by sue: "Case 42").', 409);
    render(<ErasePanel api={api} />);
    fireEvent.change(screen.getByLabelText('Customer identity (customer:…)'), { target: { value: 'customer:abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Count what would be erased' }));
    expect((await screen.findByRole('alert')).textContent).toContain('under legal hold (set by sue: "Case 42")');
    expect(screen.queryByTestId('dry-run-counts')).toBeNull();
  });
});

describe('LegalHoldControl', () => {
  it('sets a hold only with a reason, then shows who set it and why, and lifts it', async () => {
    const api = new FakePrivacyApi();
    render(<LegalHoldControl api={api} conversationId="CH1" />);
    expect((await screen.findByTestId('hold-status')).textContent).toBe('Not on legal hold.');
    fireEvent.click(screen.getByRole('button', { name: 'Set legal hold' }));
    expect(screen.getByText('Say why the conversation is on legal hold.')).toBeTruthy();
    expect(screen.getByLabelText('Reason for the hold (required)').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason for the hold (required)'), { target: { value: 'Case 42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set legal hold' }));
    // Named as the person's header names them, not by their identity.
    await waitFor(() => expect(screen.getByTestId('hold-status').textContent).toMatch(/^On legal hold since .+, set by Sue Park\. Reason: Case 42$/));
    expect(api.calls).toEqual([{ set: ['CH1', 'Case 42'] }]);
    expect(screen.getByText(/Legal hold set\./).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Lift the legal hold' }));
    await waitFor(() => expect(screen.getByTestId('hold-status').textContent).toBe('Not on legal hold.'));
    expect(api.calls[1]).toEqual({ lift: 'CH1' });
  });

  it('reads the hold and the closure from the server: closed on a day, media deleted on a day, deferred while held', async () => {
    const api = new FakePrivacyApi();
    api.hold = { conversationId: 'CH1', reason: 'Case 42', setBy: 'sue', setAt: '2026-11-21T10:00:00.000Z' };
    api.closure = { conversationId: 'CH1', closedAt: '2026-11-21T12:00:00.000Z', closedBy: 'alex', source: 'console', mediaDeletesAt: '2027-02-19T12:00:00.000Z' };
    const [closed, deletes] = [formatDay(api.closure.closedAt), formatDay(api.closure.mediaDeletesAt)];
    expect(deletes).toMatch(/2027/);
    render(<LegalHoldControl api={api} conversationId="CH1" />);
    expect((await screen.findByTestId('hold-status')).textContent).toBe(`On legal hold since ${formatWhen(api.hold.setAt)}, set by sue. Reason: Case 42`);
    expect(screen.getByTestId('closure-status').textContent).toBe(`Closed on ${closed} · media kept while on hold (otherwise deleted on ${deletes})`);
    fireEvent.click(screen.getByRole('button', { name: 'Lift the legal hold' }));
    await waitFor(() => expect(screen.getByTestId('closure-status').textContent).toBe(`Closed on ${closed} · media deleted on ${deletes}`));
  });

  it('says "Open" for a conversation not closed, and shows the server\'s refusal (an unknown conversation)', async () => {
    const api = new FakePrivacyApi();
    const { unmount } = render(<LegalHoldControl api={api} conversationId="CH1" />);
    expect((await screen.findByTestId('closure-status')).textContent).toBe('Open');
    unmount();
    api.getHold = async () => {
      throw new ApiError('conversation_not_found', 'No such conversation.', 404);
    };
    render(<LegalHoldControl api={api} conversationId="CHnobody" />);
    expect((await screen.findByRole('alert')).textContent).toBe('No such conversation.');
    expect(screen.queryByTestId('closure-status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Set legal hold' })).toBeNull();
  });
});

const auditEntries: AuditEntry[] = [
  { id: 'a6', at: '2026-11-25T09:00:00.000Z', actor: 'sue', action: 'erasure.performed', subject: 'customer:abc', details: { ...counts, clipViews: 0, conversationIds: 'CH1,CH2' } },
  { id: 'a5', at: '2026-11-24T09:00:00.000Z', actor: 'system:retention', action: 'retention.transcript_deleted', conversationId: 'CH2', subject: 'RE2', details: { artifacts: 2 } },
  { id: 'a4', at: '2026-11-23T09:00:00.000Z', actor: 'system:retention', action: 'retention.media_deleted', conversationId: 'CH2', subject: 'RE2', details: { reason: 'retention', mediaItems: 3 } },
  { id: 'a3', at: '2026-11-22T09:00:00.000Z', actor: 'sue', actorName: 'Sue Park', action: 'legal_hold.lifted', conversationId: 'CH1', details: { reason: 'Case 42' } },
  { id: 'a2', at: '2026-11-21T11:00:00.000Z', actor: 'sue', action: 'legal_hold.set', conversationId: 'CH1', details: { reason: 'Case 42' } },
  { id: 'a1', at: '2026-11-21T10:00:00.000Z', actor: 'alex', action: 'conversation.closed', conversationId: 'CH1', details: { source: 'task_completed' } },
];
const rowsOf = () => screen.getAllByTestId('audit-entry').map((r) => [...r.children].map((c) => c.textContent));

describe('AuditLogTable', () => {
  it('a captioned table, newest first, every action in words with its details', async () => {
    const api = new FakePrivacyApi();
    api.audit = auditEntries;
    render(<AuditLogTable api={api} />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Audit log, newest first').tagName).toBe('CAPTION');
    expect(api.auditCalls).toEqual([{}]);
    expect(rowsOf()).toEqual([
      [formatWhen('2026-11-25T09:00:00.000Z'), 'sue', "Erased a customer's data", 'CH1, CH2',
        'For customer:abc · Conversations: 1, Recordings: 2, Media files: 6, Transcripts and captions: 2, Chat messages rewritten: 3, Customer links revoked: 1'],
      [formatWhen('2026-11-24T09:00:00.000Z'), 'Retention policy (automatic)', "Deleted a recording's transcript", 'CH2', 'Recording RE2 · 2 transcript and caption files'],
      [formatWhen('2026-11-23T09:00:00.000Z'), 'Retention policy (automatic)', "Deleted a recording's video", 'CH2', 'Recording RE2 · 3 media files · under the retention policy'],
      // The person's display name when the entry has it (entries from before 0015 show the identity).
      [formatWhen('2026-11-22T09:00:00.000Z'), 'Sue Park', 'Lifted the legal hold', 'CH1', 'Reason it had: Case 42'],
      [formatWhen('2026-11-21T11:00:00.000Z'), 'sue', 'Set a legal hold', 'CH1', 'Reason: Case 42'],
      [formatWhen('2026-11-21T10:00:00.000Z'), 'alex', 'Closed the conversation', 'CH1', 'The Flex task was completed'],
    ]);
    expect(table.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-25T09:00:00.000Z');
  });

  it("the filter asks for one conversation's entries, Refresh asks again, and an empty answer says so", async () => {
    const api = new FakePrivacyApi();
    api.audit = auditEntries;
    render(<AuditLogTable api={api} />);
    await screen.findAllByTestId('audit-entry');
    fireEvent.change(screen.getByLabelText('Conversation id (optional)'), { target: { value: ' CH2 ' } });
    fireEvent.submit(screen.getByLabelText('Conversation id (optional)').closest('form') as HTMLFormElement);
    await screen.findByText('Audit log of conversation CH2, newest first');
    expect(api.auditCalls).toEqual([{}, { conversationId: 'CH2' }]);
    expect(rowsOf().map((r) => r[2])).toEqual(["Deleted a recording's transcript", "Deleted a recording's video"]);
    api.audit = [];
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByTestId('audit-empty')).textContent).toBe('Nothing has been recorded for this conversation.');
    expect(api.auditCalls).toEqual([{}, { conversationId: 'CH2' }, { conversationId: 'CH2' }]);
    fireEvent.change(screen.getByLabelText('Conversation id (optional)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    expect((await screen.findByText('Audit log, newest first')).tagName).toBe('CAPTION');
    expect(api.auditCalls).toHaveLength(4);
    expect(api.auditCalls[3]).toEqual({});
  });

  it("shows the server's refusal in an alert, and no table", async () => {
    const api = new FakePrivacyApi();
    api.auditError = new ApiError('supervisor_required', 'Only supervisors can read the audit log.', 403);
    render(<AuditLogTable api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Only supervisors can read the audit log.');
    expect(screen.queryByRole('table')).toBeNull();
    api.auditError = null;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('table');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('StorageUsageTable', () => {
  it('a captioned table: per month, the totals, and the price per GB', async () => {
    render(<StorageUsageTable api={new FakePrivacyApi()} />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Recordings stored, per month of recording, at $0.023 per GB per month').tagName).toBe('CAPTION');
    const rows = screen.getAllByTestId('storage-month').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['November 2026', '3', '2.50 GB', '$0.06'],
      ['October 2026', '1', '0 bytes', '$0.00'],
    ]);
    expect([...screen.getByTestId('storage-total').children].map((c) => c.textContent)).toEqual(['Total', '4', '2.50 GB', '$0.06']);
    expect(screen.getByTestId('storage-budget').textContent).toBe('Estimated $0.06 per month for everything stored: within the $100.00 per month target.');
  });

  it('says so, in words, when the estimate is over the target', async () => {
    const api = new FakePrivacyApi();
    api.storageUsage = async () => ({ ...usage, totalEstimatedMonthlyCostUsd: 123.4, budgetUsdMonth: 100 });
    render(<StorageUsageTable api={api} />);
    expect((await screen.findByTestId('storage-budget')).textContent).toBe(
      'Estimated $123.40 per month for everything stored: over the $100.00 per month target by $23.40.',
    );
  });

  it('formats sizes in decimal units and keeps tiny costs visible', () => {
    expect([formatBytes(999), formatBytes(4_700), formatBytes(1_234_567_890)]).toEqual(['999 bytes', '4.70 kB', '1.23 GB']);
    expect([formatUsd(0), formatUsd(0.000_1), formatUsd(12.345)]).toEqual(['$0.00', '< $0.01', '$12.35']);
  });
});

const jordans: ConversationMatch[] = [
  { conversationId: 'CH2', customerName: 'Jordan Price', agentName: null, startedAt: '2026-11-22T09:00:00.000Z', closed: false, onHold: false },
  { conversationId: 'CH1', customerName: 'Jordan Lee', agentName: 'Alex', startedAt: '2026-11-21T09:00:00.000Z', closed: true, onHold: false },
];

/** Types a search into the finder and waits for its answer. */
async function find(query: string) {
  fireEvent.change(screen.getByLabelText('Customer name or conversation id'), { target: { value: query } });
  fireEvent.click(screen.getByRole('button', { name: 'Find' }));
  await waitFor(() => expect(screen.getByTestId('finder-status').textContent).not.toBe('Searching…'));
}

describe('PrivacyView', () => {
  it('finds a conversation by part of the customer name, says enough to tell two apart, and picking one opens its hold and fills in the erasure', async () => {
    const api = new FakePrivacyApi();
    api.conversations = jordans;
    render(<PrivacyView api={api} />);
    expect(screen.queryByTestId('legal-hold')).toBeNull();
    expect(screen.queryByLabelText('Conversation id')).toBeNull();
    await find(' jordan ');
    expect(api.finds).toEqual(['jordan']);
    expect(screen.getByTestId('finder-status').textContent).toBe('2 conversations found, newest first.');
    const found = screen.getAllByTestId('found-conversation');
    expect(found.map((b) => b.textContent)).toEqual([
      `Jordan PriceStarted ${formatWhen('2026-11-22T09:00:00.000Z')} · No call or clip yet · OpenConversation CH2`,
      `Jordan LeeStarted ${formatWhen('2026-11-21T09:00:00.000Z')} · Agent: Alex · ClosedConversation CH1`,
    ]);
    fireEvent.click(found[1]);
    expect(found[1].getAttribute('aria-current')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Legal hold');
    expect((await screen.findByTestId('hold-status')).textContent).toBe('Not on legal hold.');
    expect(screen.getByTestId('picked-conversation').textContent).toContain('Jordan Lee');
    expect(screen.getByTestId('picked-conversation').textContent).toContain('CH1');
    // The erasure panel now counts this conversation, without anything typed.
    expect((screen.getByLabelText('Conversation') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Conversation id') as HTMLInputElement).value).toBe('CH1');
    fireEvent.click(screen.getByRole('button', { name: 'Count what would be erased' }));
    await screen.findByTestId('dry-run-counts');
    expect(api.calls.filter((c) => c !== 'storage')).toEqual([{ erase: { conversationId: 'CH1', dryRun: true } }]);
  });

  it('setting a hold on the picked conversation shows it in the results too; the id finds it exactly', async () => {
    const api = new FakePrivacyApi();
    api.conversations = jordans;
    render(<PrivacyView api={api} />);
    await find('CH1');
    fireEvent.click(screen.getByTestId('found-conversation'));
    fireEvent.change(await screen.findByLabelText('Reason for the hold (required)'), { target: { value: 'Case 42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set legal hold' }));
    await waitFor(() => expect(screen.getByTestId('found-conversation').textContent).toContain('On legal hold'));
    expect(api.finds).toEqual(['CH1', 'CH1']);
    expect(api.calls.filter((c) => c !== 'storage')).toEqual([{ set: ['CH1', 'Case 42'] }]);
  });

  it('says when nothing matches, when the list was cut, and shows a refusal', async () => {
    const api = new FakePrivacyApi();
    render(<PrivacyView api={api} />);
    await find('nobody');
    expect(screen.getByTestId('finder-status').textContent).toBe('No conversation matches "nobody".');
    api.conversations = jordans;
    api.more = true;
    await find('jordan');
    expect(screen.getByTestId('finder-status').textContent).toBe('2 conversations found, newest first. More match: type more of the name to narrow the list.');
    api.findConversations = async () => {
      throw new ApiError('supervisor_required', 'Only supervisors can look up conversations.', 403);
    };
    await find('jordan');
    expect(screen.getByRole('alert').textContent).toBe('Only supervisors can look up conversations.');
  });

  it('is axe-clean with results listed, a hold shown, counts shown, the storage table and the audit log loaded', async () => {
    const api = new FakePrivacyApi();
    api.hold = { conversationId: 'CH1', reason: 'Case 42', setBy: 'sue', setAt: '2026-11-21T10:00:00.000Z' };
    api.audit = auditEntries;
    api.conversations = jordans;
    const { container } = render(<PrivacyView api={api} />);
    await screen.findAllByTestId('storage-month');
    await screen.findAllByTestId('audit-entry');
    await find('jordan');
    fireEvent.click(screen.getAllByTestId('found-conversation')[1]);
    await screen.findByRole('button', { name: 'Lift the legal hold' });
    fireEvent.click(screen.getByRole('button', { name: 'Count what would be erased' }));
    await screen.findByTestId('dry-run-counts');
    fireEvent.click(screen.getByRole('button', { name: 'Erase 13 items' }));
    let violations: string[] = [];
    await act(async () => {
      violations = await axeViolations(container);
    });
    expect(violations).toEqual([]);
  });
});

describe('RecordingCard after erasure', () => {
  it('says the video and transcript were removed on request, with no player and no transcript', () => {
    const message: ConversationMessage = {
      id: 'IM1',
      conversationId: 'CH1',
      author: 'system',
      body: 'Video call recording · 0:42 · video and transcript removed on request',
      attributes: { type: 'video-recording', recordingId: 'RE1', durationSeconds: 42, kind: 'call', erased: true, mediaDeleted: { reason: 'erasure', deletedAt: '2026-11-21T10:00:00.000Z' } },
      createdAt: '2026-11-21T10:00:00.000Z',
    };
    for (const viewer of ['agent', 'customer'] as const) {
      const { container, unmount } = render(<RecordingCard message={message} viewer={viewer} />);
      expect(screen.getByTestId('recording-erased').textContent).toContain('Transcript removed on request');
      expect(container.querySelector('video')).toBeNull();
      expect(screen.queryByTestId('transcript')).toBeNull();
      unmount();
    }
  });
});
