/**
 * Reply templates for an agent's video clip (#22). A good support reply has five parts: an
 * opening (about 5 s), the context (10 s), the solution (30–90 s), a check that it worked (10 s)
 * and a closing (5 s). Each use case has its own target length and suggested lines; the recorder
 * shows the parts as a checklist with a timer, so a first-timer knows what to say next.
 */
export type AgentTemplateId = 'troubleshooting' | 'feature-explanation' | 'setup' | 'error-resolution' | 'account-configuration';

export type TemplatePartKey = 'opening' | 'context' | 'solution' | 'verification' | 'closing';

export interface TemplatePart {
  key: TemplatePartKey;
  label: string;
  targetSeconds: number;
  /** What the agent might say; the opening's may hold `{customerName}`. */
  line: string;
}

export interface AgentTemplate {
  id: AgentTemplateId;
  title: string;
  /** The whole clip's target length. */
  minSeconds: number;
  maxSeconds: number;
  parts: readonly TemplatePart[];
}

const CUSTOMER_NAME = '{customerName}';

/** The five parts in their order, with the use case's own solution length and lines. */
function fiveParts(lines: { opening: string; context: string; solution: string; verification: string }, solutionSeconds: number): TemplatePart[] {
  return [
    { key: 'opening', label: 'Opening', targetSeconds: 5, line: lines.opening },
    { key: 'context', label: 'Context', targetSeconds: 10, line: lines.context },
    { key: 'solution', label: 'Solution', targetSeconds: solutionSeconds, line: lines.solution },
    { key: 'verification', label: 'Check it worked', targetSeconds: 10, line: lines.verification },
    { key: 'closing', label: 'Closing', targetSeconds: 5, line: 'If anything is still unclear, reply here and I will help.' },
  ];
}

export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  {
    id: 'troubleshooting',
    title: 'Troubleshooting',
    minSeconds: 60,
    maxSeconds: 180,
    parts: fiveParts(
      {
        opening: `Hi ${CUSTOMER_NAME}, thanks for your patience. Let me show you how to fix this.`,
        context: 'You told me what goes wrong; here is what causes it.',
        solution: 'Follow along on my screen, one step at a time.',
        verification: 'Now try it once more: it should work as you expect.',
      },
      90,
    ),
  },
  {
    id: 'feature-explanation',
    title: 'Feature explanation',
    minSeconds: 45,
    maxSeconds: 120,
    parts: fiveParts(
      {
        opening: `Hi ${CUSTOMER_NAME}, here is a quick tour of the feature you asked about.`,
        context: 'This is what it is for, and where you find it.',
        solution: 'Here is how to use it, step by step.',
        verification: 'You will know it works when you see this.',
      },
      60,
    ),
  },
  {
    id: 'setup',
    title: 'Setup',
    minSeconds: 60,
    maxSeconds: 180,
    parts: fiveParts(
      {
        opening: `Hi ${CUSTOMER_NAME}, let me walk you through the setup.`,
        context: 'Before we start, have these ready.',
        solution: 'Here is each step of the setup, in order.',
        verification: 'To check it is set up, look for this.',
      },
      90,
    ),
  },
  {
    id: 'error-resolution',
    title: 'Error resolution',
    minSeconds: 45,
    maxSeconds: 120,
    parts: fiveParts(
      {
        opening: `Hi ${CUSTOMER_NAME}, I looked into the error you saw.`,
        context: 'This is what the error means, and why it appeared.',
        solution: 'Here is how to clear it.',
        verification: 'Try again now: the error should be gone.',
      },
      45,
    ),
  },
  {
    id: 'account-configuration',
    title: 'Account configuration',
    minSeconds: 45,
    maxSeconds: 120,
    parts: fiveParts(
      {
        opening: `Hi ${CUSTOMER_NAME}, here is how to change that setting in your account.`,
        context: 'This is where your account settings live.',
        solution: 'Here is the change to make, and what each option does.',
        verification: 'Save, then check the setting shows your change.',
      },
      60,
    ),
  },
];

export const agentTemplate = (id: string | null | undefined): AgentTemplate | undefined => AGENT_TEMPLATES.find((t) => t.id === id);

/** The opening line addressed to this customer; without a name, a friendly "there". */
export const withCustomerName = (line: string, customerName: string | undefined): string =>
  line.split(CUSTOMER_NAME).join(customerName?.trim() || 'there');

/** The seconds the parts add up to: what the checklist plans for. */
export const plannedSeconds = (template: AgentTemplate): number => template.parts.reduce((sum, p) => sum + p.targetSeconds, 0);

/** How the clip's length so far compares with the template's target range. */
export type TargetStanding = 'under' | 'within' | 'over';

export interface TemplateTimeline {
  /** The part to be saying now; after the plan runs out, the last part (the closing). */
  partIndex: number;
  part: TemplatePart;
  /** Seconds until the current part's planned end; negative once it ran over. */
  partSecondsLeft: number;
  standing: TargetStanding;
}

/** Where the agent is in the template after `elapsedSeconds` of recording (pauses excluded). */
export function templateTimeline(template: AgentTemplate, elapsedSeconds: number): TemplateTimeline {
  const elapsed = Math.max(0, elapsedSeconds);
  let end = 0;
  let partIndex = template.parts.length - 1;
  for (let i = 0; i < template.parts.length; i++) {
    end += template.parts[i].targetSeconds;
    if (elapsed < end) {
      partIndex = i;
      break;
    }
  }
  const partEnd = template.parts.slice(0, partIndex + 1).reduce((sum, p) => sum + p.targetSeconds, 0);
  const standing: TargetStanding = elapsed < template.minSeconds ? 'under' : elapsed > template.maxSeconds ? 'over' : 'within';
  return { partIndex, part: template.parts[partIndex], partSecondsLeft: partEnd - elapsed, standing };
}
