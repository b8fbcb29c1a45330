import type { ClipEndpoint } from '../../api/clip-api';

/**
 * The clip endpoint with the chosen reply template added to each `start` (ClipRequest.template),
 * so the recorder's API stays as it is: the host wraps the endpoint it gives `agentClipApi`.
 * `template` is read at each start: the agent may change their mind before a retake.
 */
export function withTemplateOnStart(endpoint: ClipEndpoint, template: () => string | null | undefined): ClipEndpoint {
  return (body) => {
    const id = body.action === 'start' ? template() : undefined;
    return endpoint(id ? { ...body, template: id } : body);
  };
}
