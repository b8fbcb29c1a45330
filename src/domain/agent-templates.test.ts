import { AGENT_TEMPLATES, agentTemplate, plannedSeconds, templateTimeline, withCustomerName, type AgentTemplate } from './agent-templates';

const troubleshooting = agentTemplate('troubleshooting') as AgentTemplate;

describe('agent reply templates', () => {
  it('offers the five use cases, each with the five parts in order and a plan inside its target range and the 3-minute cap', () => {
    expect(AGENT_TEMPLATES.map((t) => t.id)).toEqual(['troubleshooting', 'feature-explanation', 'setup', 'error-resolution', 'account-configuration']);
    for (const t of AGENT_TEMPLATES) {
      expect(t.parts.map((p) => p.key)).toEqual(['opening', 'context', 'solution', 'verification', 'closing']);
      expect(t.parts.map((p) => p.targetSeconds)).toEqual([5, 10, expect.any(Number), 10, 5]);
      const solution = t.parts[2].targetSeconds;
      expect(solution).toBeGreaterThanOrEqual(30);
      expect(solution).toBeLessThanOrEqual(90);
      expect(plannedSeconds(t)).toBeGreaterThanOrEqual(t.minSeconds);
      expect(plannedSeconds(t)).toBeLessThanOrEqual(t.maxSeconds);
      expect(t.maxSeconds).toBeLessThanOrEqual(180);
      expect(t.parts[0].line).toContain('{customerName}');
    }
    expect([troubleshooting.minSeconds, troubleshooting.maxSeconds]).toEqual([60, 180]);
    expect(agentTemplate('nope')).toBeUndefined();
    expect(agentTemplate(undefined)).toBeUndefined();
  });

  it('fills the customer’s name into the opening line, or greets them plainly without one', () => {
    const opening = troubleshooting.parts[0].line;
    expect(withCustomerName(opening, 'Jordan Lee')).toBe('Hi Jordan Lee, thanks for your patience. Let me show you how to fix this.');
    expect(withCustomerName(opening, '  ')).toMatch(/^Hi there, /);
    expect(withCustomerName(opening, undefined)).not.toContain('{customerName}');
  });
});

describe('templateTimeline', () => {
  it('walks through the parts at their planned boundaries, with the time left in each', () => {
    // troubleshooting: opening 0–5, context 5–15, solution 15–105, verification 105–115, closing 115–120
    expect(templateTimeline(troubleshooting, 0)).toMatchObject({ partIndex: 0, partSecondsLeft: 5, standing: 'under' });
    expect(templateTimeline(troubleshooting, 4.5)).toMatchObject({ partIndex: 0, partSecondsLeft: 0.5 });
    expect(templateTimeline(troubleshooting, 5)).toMatchObject({ partIndex: 1, partSecondsLeft: 10 });
    expect(templateTimeline(troubleshooting, 15).part.key).toBe('solution');
    expect(templateTimeline(troubleshooting, 60)).toMatchObject({ partIndex: 2, partSecondsLeft: 45, standing: 'within' });
    expect(templateTimeline(troubleshooting, 110)).toMatchObject({ partIndex: 3, partSecondsLeft: 5 });
    expect(templateTimeline(troubleshooting, 119)).toMatchObject({ partIndex: 4, partSecondsLeft: 1 });
  });

  it('stays on the closing once the plan runs out, counting how far over it is, and says when the clip is over its target', () => {
    expect(templateTimeline(troubleshooting, 130)).toMatchObject({ partIndex: 4, partSecondsLeft: -10, standing: 'within' });
    expect(templateTimeline(troubleshooting, 180).standing).toBe('within');
    expect(templateTimeline(troubleshooting, 181)).toMatchObject({ partIndex: 4, standing: 'over' });
  });

  it('treats a negative elapsed time as the start', () => {
    expect(templateTimeline(troubleshooting, -3)).toMatchObject({ partIndex: 0, partSecondsLeft: 5 });
  });
});
