import React, { useCallback, useRef, useState } from 'react';
import { agentTemplate, type AgentTemplateId } from '../../../domain/agent-templates';
import type { ClipEndpoint } from '../../api/clip-api';
import { TemplateChecklist } from './TemplateChecklist';
import { TemplatePicker } from './TemplatePicker';
import { withTemplateOnStart } from './template-endpoint';

/**
 * What an agent's recorder host (the console, the Flex tab) needs for reply templates: the picker
 * for the setup step, the checklist beside the recording, and the endpoint that sends the choice
 * with each `start`.
 */
export function useReplyTemplate(customerName: string | undefined) {
  const [templateId, setTemplateId] = useState<AgentTemplateId | null>(null);
  const chosen = useRef(templateId);
  chosen.current = templateId;
  const template = agentTemplate(templateId);
  const withTemplate = useCallback((endpoint: ClipEndpoint) => withTemplateOnStart(endpoint, () => chosen.current), []);
  return {
    templateId,
    withTemplate,
    picker: <TemplatePicker value={templateId} onChange={setTemplateId} />,
    checklist: (seconds: number) => (template ? <TemplateChecklist template={template} seconds={seconds} customerName={customerName} /> : null),
  };
}
