import { AGENT_CLIP_MODES, agentDefaultMode, agentModeChoices } from './agent-clip-modes';
import { MODE_CHOICES } from '../clip-mode';

describe('what an agent is offered to record', () => {
  it('offers screen only first and starts on it where the screen can be captured', () => {
    expect(agentModeChoices().map((c) => c.mode)).toEqual(['screen', 'screen+camera', 'camera']);
    expect(AGENT_CLIP_MODES[0]).toBe('screen');
    expect(agentDefaultMode(true)).toBe('screen');
    expect(agentDefaultMode(false)).toBe('camera');
  });

  it('keeps every shared choice, with its label and hint', () => {
    expect([...agentModeChoices()].sort((a, b) => a.mode.localeCompare(b.mode))).toEqual([...MODE_CHOICES].sort((a, b) => a.mode.localeCompare(b.mode)));
  });
});
