import type { ResolveTicketRequest, ResolveTicketResponse } from '../../api/support-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

/** Resolving a ticket, for the local console's Resolve and the Flex plugin's task completion alike. */
export interface ResolutionApi {
  resolve(request: ResolveTicketRequest): Promise<ResolveTicketResponse>;
}

/** The resolve-ticket Function over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpResolutionApi(options: StaffFunctionsOptions): ResolutionApi {
  const call = staffFunctionCall(options);
  return { resolve: (request) => call('/resolve-ticket', request) };
}
