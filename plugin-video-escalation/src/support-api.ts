import type { ResolveTicketRequest, ResolveTicketResponse } from '../../src/api/support-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from '../../src/ui/api/staff-functions';

/** The `/resolve-ticket` Function as the plugin calls it when a task completes. */
export interface ResolveTicketClient {
  resolve(request: ResolveTicketRequest): Promise<ResolveTicketResponse>;
}

/** POST `/resolve-ticket` with the agent's Flex token the Flex way (`Token` in the body). */
export function httpResolveTicket(options: StaffFunctionsOptions): ResolveTicketClient {
  const call = staffFunctionCall(options);
  return { resolve: (request) => call('/resolve-ticket', request) };
}
