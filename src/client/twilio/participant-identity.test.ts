import { agentParticipantIdentity, customerParticipantIdentity } from '../../domain/escalation';
import { defaultDisplayName, roleOfIdentity } from './participant-identity';

test('the role is the identity prefix the server minted', () => {
  expect(roleOfIdentity(agentParticipantIdentity('alex@example.com'))).toBe('agent');
  expect(roleOfIdentity(customerParticipantIdentity('lnk_123'))).toBe('customer');
  expect(roleOfIdentity('supervisor:sam')).toBe('supervisor');
});

test('anything else is unknown', () => {
  expect(roleOfIdentity('agent')).toBe('unknown');
  expect(roleOfIdentity('admin:root')).toBe('unknown');
  expect(roleOfIdentity('')).toBe('unknown');
});

test('remote participants are labelled by role (the id part is opaque)', () => {
  expect(defaultDisplayName('customer:lnk_123', 'customer')).toBe('Customer');
  expect(defaultDisplayName('agent:alex', 'agent')).toBe('Agent');
  expect(defaultDisplayName('bot-7', 'unknown')).toBe('bot-7');
});
