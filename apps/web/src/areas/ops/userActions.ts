import type { UserSummary } from '@marque/contracts';
import type { Tone } from '../../ui/index.ts';

export type UserAction = 'disable' | 'enable' | 'endSessions' | 'resetAccess' | 'resendInvite';

export const STATUS_TONE: Record<UserSummary['status'], Tone> = {
  active: 'good',
  invited: 'info',
  pending: 'neutral',
  disabled: 'danger',
};

/**
 * What an admin may do to a user, in menu order; nothing to their own account (the server refuses
 * it too). Customers recover their access themselves, so they are never reset; a disabled user
 * has no session to end and must be enabled before a reset.
 */
export function actionsFor(user: UserSummary, myId: string | undefined): UserAction[] {
  if (user.id === myId) return [];
  const staff = user.role !== 'customer';
  switch (user.status) {
    case 'disabled':
      return ['enable'];
    case 'invited':
      return staff ? ['resendInvite', 'disable'] : ['disable'];
    case 'pending':
      return ['disable'];
    default:
      return staff ? ['endSessions', 'resetAccess', 'disable'] : ['endSessions', 'disable'];
  }
}
