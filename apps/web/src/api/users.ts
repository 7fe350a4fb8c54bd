/**
 * Staff and dealer user administration (admins) and accepting an invitation: every path and
 * schema of that part of the API. Resetting a user's access lives in selfService.ts
 * (`adminSecurity.resetUserAccess`), beside the admin's other step-up actions.
 */
import {
  DealerList,
  InvitationAccepted,
  type InviteUserRequest,
  RevokedCount,
  type Role,
  StaffRole,
  UserList,
  type UserStatus,
  UserSummary,
} from '@marque/contracts';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

/** Every role an admin can invite (all but customers). */
export const STAFF_ROLES: readonly Role[] = StaffRole.options;
export const DEALER_ROLES: readonly Role[] = ['dealer_user', 'dealer_admin'];

export interface UserFilters {
  /** No roles: everyone, customers included. */
  roles: readonly Role[];
  status: UserStatus | null;
}

export const USERS_PAGE_SIZE = 50;

export const userKeys = {
  all: ['ops', 'users'] as const,
  list: (filters: UserFilters, cursor: string | null) => ['ops', 'users', 'list', filters, cursor] as const,
  dealers: ['ops', 'dealers'] as const,
};

export function useUsers(filters: UserFilters, cursor: string | null) {
  return useQuery({
    queryKey: userKeys.list(filters, cursor),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(USERS_PAGE_SIZE) });
      for (const role of filters.roles) params.append('role', role);
      if (filters.status) params.set('status', filters.status);
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/ops/users?${params}`, { schema: UserList, signal });
    },
    placeholderData: keepPreviousData,
  });
}

const dealersQuery = queryOptions({
  queryKey: userKeys.dealers,
  queryFn: ({ signal }) => apiFetch('/ops/dealers', { schema: DealerList, signal }),
  staleTime: 5 * 60_000,
});

/** Dealerships to choose from when inviting a dealer user; loaded only when needed. */
export function useDealers(enabled: boolean) {
  return useQuery({ ...dealersQuery, enabled });
}

const userPath = (userId: string, action: string) => `/ops/users/${encodeURIComponent(userId)}/${action}`;

export const userAdmin = {
  invite: (body: InviteUserRequest) =>
    apiFetch('/ops/users/invitations', { method: 'POST', body, schema: UserSummary }),
  disable: (userId: string) =>
    apiFetch(userPath(userId, 'disable'), { method: 'POST', body: {}, schema: UserSummary }),
  enable: (userId: string) =>
    apiFetch(userPath(userId, 'enable'), { method: 'POST', body: {}, schema: UserSummary }),
  endSessions: (userId: string) =>
    apiFetch(userPath(userId, 'sessions/revoke'), { method: 'POST', body: {}, schema: RevokedCount }),
};

/** After any change to a user, the lists (every filter and page) are stale. */
export function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

/**
 * The invited person chooses a password with the token from the link's fragment. The answer sets
 * a short-lived pre-auth cookie; the session only exists after authenticator enrolment.
 */
export function acceptInvitation(token: string, password: string) {
  return apiFetch('/invitations/accept', {
    method: 'POST',
    body: { token, password },
    schema: InvitationAccepted,
  });
}
