import { defaultDisplayName } from './participant-identity';

test('remote participants are labelled by role (the id part is opaque)', () => {
  expect(defaultDisplayName('customer:lnk_123', 'customer')).toBe('Customer');
  expect(defaultDisplayName('agent:alex', 'agent')).toBe('Agent');
  expect(defaultDisplayName('supervisor:sam', 'supervisor')).toBe('Supervisor');
  expect(defaultDisplayName('bot-7', 'unknown')).toBe('bot-7');
});
