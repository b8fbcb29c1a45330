import type * as Flex from '@twilio/flex-ui';

/** Supervisors (and admins) review recordings; Flex lists the worker's roles on the user. */
export const isSupervisor = (manager: Pick<Flex.Manager, 'user'>): boolean => {
  const roles = (manager.user as { roles?: unknown }).roles;
  return Array.isArray(roles) && roles.some((r) => r === 'supervisor' || r === 'admin');
};
