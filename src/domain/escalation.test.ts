import { agentParticipantIdentity, customerParticipantIdentity, roleOfIdentity } from './escalation';

describe('roleOfIdentity', () => {
  it('reads the role that minted identities carry', () => {
    expect(roleOfIdentity(agentParticipantIdentity('alex'))).toBe('agent');
    expect(roleOfIdentity(customerParticipantIdentity('L1'))).toBe('customer');
    expect(roleOfIdentity('supervisor:sue')).toBe('supervisor');
  });

  it('calls anything else unknown', () => {
    for (const id of ['agent', 'admin:root', '', ':x', 'Agent:alex']) expect(roleOfIdentity(id)).toBe('unknown');
  });
});
