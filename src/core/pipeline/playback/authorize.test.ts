import type { StaffIdentity } from '../../../domain/identity';
import { canViewRecording, type ViewableRecording } from './authorize';

const rec: ViewableRecording = {
  recordingId: 'R1',
  conversationId: 'CH1',
  escalationId: 'e1',
  roomName: 'esc-e1',
  agentIdentity: 'alex',
  currentLinkId: 'L2',
};
const staff = (identity: string, ...roles: StaffIdentity['roles']) => ({ kind: 'staff' as const, staff: { identity, name: identity, roles } });
const now = new Date('2024-01-01T12:00:00Z');
const link = (over: Partial<{ escalationId: string; conversationId: string; roomName: string; linkId: string; expiresAt: Date }> = {}) => ({
  kind: 'customer' as const,
  link: {
    escalationId: 'e1',
    conversationId: 'CH1',
    roomName: 'esc-e1',
    customerIdentity: 'customer:u',
    linkId: 'L2',
    expiresAt: new Date('2024-01-01T13:00:00Z'),
    ...over,
  },
});

describe('canViewRecording', () => {
  it('lets the agent on the call, supervisors and admins watch', () => {
    expect(canViewRecording(staff('alex', 'agent'), rec, now)).toBe(true);
    expect(canViewRecording(staff('sam', 'supervisor'), rec, now)).toBe(true);
    expect(canViewRecording(staff('root', 'admin'), rec, now)).toBe(true);
  });
  it('refuses another agent', () => {
    expect(canViewRecording(staff('bea', 'agent'), rec, now)).toBe(false);
  });
  it('lets the customer in with the current, unexpired link of this call only', () => {
    expect(canViewRecording(link(), rec, now)).toBe(true);
    expect(canViewRecording(link({ expiresAt: new Date('2024-01-01T11:59:59Z') }), rec, now)).toBe(false);
    expect(canViewRecording(link({ linkId: 'L1' }), rec, now)).toBe(false);
    expect(canViewRecording(link({ escalationId: 'e2' }), rec, now)).toBe(false);
    expect(canViewRecording(link({ conversationId: 'CH2' }), rec, now)).toBe(false);
  });
  it("lets the customer watch from their own chat while it is open, if the policy gives customers the video", () => {
    const chat = { kind: 'chat' as const, conversationId: rec.conversationId };
    expect(canViewRecording(chat, rec, now)).toBe(true);
    expect(canViewRecording(chat, { ...rec, customerAccess: 'video', conversationOpen: true }, now)).toBe(true);
    expect(canViewRecording(chat, { ...rec, customerAccess: 'transcript' }, now)).toBe(false);
    expect(canViewRecording(chat, { ...rec, customerAccess: 'none' }, now)).toBe(false);
    expect(canViewRecording(chat, { ...rec, conversationOpen: false }, now)).toBe(false);
    expect(canViewRecording({ kind: 'chat', conversationId: 'CH-other' }, rec, now)).toBe(false);
  });
});
