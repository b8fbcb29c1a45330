import type { OutboundEndpointsRequest, OutboundEndpointsResponse, OutboundEndpointView } from '../../api/outbound-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { OutboundEndpoint, StoredOutboundEndpoint } from '../../ports/outbound-store';
import type { OutboundDeps } from './outbound-deps';
import { endpointSchema, secretFingerprint } from './outbound-endpoints';

type EndpointDeps = Pick<OutboundDeps, 'store' | 'envEndpoints' | 'allowLocalHttp' | 'clock'>;

/** Where events about customers are sent, and with which key, is an admin's decision. */
function requireAdmin(staff: StaffIdentity): void {
  if (!hasRole(staff, 'admin')) throw new DomainError('forbidden', 'role_required', 'Only admins can manage outbound webhook endpoints.');
}

function view(e: OutboundEndpoint | StoredOutboundEndpoint, source: OutboundEndpointView['source']): OutboundEndpointView {
  return {
    id: e.id,
    url: e.url,
    types: e.types === 'all' ? 'all' : [...e.types],
    enabled: e.enabled,
    source,
    secretFingerprint: secretFingerprint(e.secret),
    ...(e.previousSecret ? { previousSecretFingerprint: secretFingerprint(e.previousSecret) } : {}),
    ...('createdAt' in e ? { createdAt: e.createdAt, createdBy: e.createdBy } : {}),
  };
}

async function listed(deps: EndpointDeps): Promise<OutboundEndpointsResponse> {
  const envIds = new Set(deps.envEndpoints.map((e) => e.id));
  const stored = (await deps.store.listEndpoints()).filter((e) => !envIds.has(e.id));
  return { endpoints: [...deps.envEndpoints.map((e) => view(e, 'environment')), ...stored.map((e) => view(e, 'store'))] };
}

/** A stored endpoint the admin may change; the environment's are read-only here. */
async function storedOnly(deps: EndpointDeps, id: string): Promise<StoredOutboundEndpoint> {
  if (deps.envEndpoints.some((e) => e.id === id)) {
    throw new DomainError('forbidden', 'not_allowed', `The endpoint ${id} is configured in the environment (OUTBOUND_WEBHOOKS); change it there.`);
  }
  const endpoint = await deps.store.getEndpoint(id);
  if (!endpoint) throw new DomainError('not_found', 'not_found', `There is no outbound endpoint ${id}.`);
  return endpoint;
}

/**
 * The admins' endpoint list and its changes (POST /outbound-endpoints). Every action answers the
 * whole list, secrets shown as fingerprints only. Removing or disabling an endpoint fails its
 * pending deliveries at their next attempt (the log says why).
 */
export async function manageOutboundEndpoints(deps: EndpointDeps, staff: StaffIdentity, request: OutboundEndpointsRequest): Promise<OutboundEndpointsResponse> {
  requireAdmin(staff);
  const now = deps.clock.now().toISOString();
  switch (request.action) {
    case 'list':
      break;
    case 'add': {
      const { action: _action, ...fields } = request;
      const parsed = endpointSchema(deps.allowLocalHttp).safeParse(fields);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
        throw new DomainError('invalid_request', 'invalid_request', `The endpoint is not valid: ${problems}.`);
      }
      const taken = deps.envEndpoints.some((e) => e.id === parsed.data.id) || !(await deps.store.addEndpoint(parsed.data, staff.identity, now));
      if (taken) throw new DomainError('conflict', 'invalid_request', `An outbound endpoint ${parsed.data.id} exists already.`);
      break;
    }
    case 'enable':
    case 'disable':
      await storedOnly(deps, request.id);
      await deps.store.updateEndpoint(request.id, { enabled: request.action === 'enable' }, now);
      break;
    case 'remove':
      await storedOnly(deps, request.id);
      await deps.store.removeEndpoint(request.id);
      break;
    case 'rotate': {
      const endpoint = await storedOnly(deps, request.id);
      const secret = endpointSchema(deps.allowLocalHttp).shape.secret.safeParse(request.secret);
      if (!secret.success) throw new DomainError('invalid_request', 'invalid_request', 'The new secret must be 32 to 256 characters.');
      if (secret.data === endpoint.secret) throw new DomainError('invalid_request', 'invalid_request', 'The new secret is the current one.');
      await deps.store.updateEndpoint(request.id, { secret: secret.data, previousSecret: endpoint.secret }, now);
      break;
    }
    case 'end-rotation':
      await storedOnly(deps, request.id);
      await deps.store.updateEndpoint(request.id, { previousSecret: null }, now);
      break;
  }
  return listed(deps);
}
