import { Button, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Role, UserStatus, type UserSummary } from '@marque/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { STAFF_ROLES, type UserFilters, useInvalidateUsers, useMe, useUsers } from '../../api/index.ts';
import {
  Card,
  CursorPager,
  EmptyState,
  IconLock,
  IconUser,
  ListStates,
  PageHeader,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { StatusAlert } from '../security/status.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { InviteUserForm } from './InviteUserForm.tsx';
import { OpsError } from './OpsStates.tsx';
import classes from './ops.module.css';
import { UserList } from './UserList.tsx';
import { type Notice, useUserActions } from './useUserActions.tsx';

/** `?role=`: a role, `everyone` (customers too), or absent for staff and dealer users. */
const EVERYONE = 'everyone';
const STAFF = 'staff';

function filtersOf(params: URLSearchParams): {
  roleChoice: string;
  statusChoice: string;
  filters: UserFilters;
} {
  const role = Role.safeParse(params.get('role'));
  const status = UserStatus.safeParse(params.get('status'));
  const roleChoice = role.success ? role.data : params.get('role') === EVERYONE ? EVERYONE : STAFF;
  return {
    roleChoice,
    statusChoice: status.success ? status.data : '',
    filters: {
      roles: role.success ? [role.data] : roleChoice === EVERYONE ? [] : STAFF_ROLES,
      status: status.success ? status.data : null,
    },
  };
}

/**
 * `/ops/users` (admins): staff and dealer accounts. Filter by role and status (kept in the URL),
 * invite someone, and disable, enable, sign out or reset a user. Other staff never see the entry
 * in the menu; if they open the address, the server's 403 is shown calmly.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('ops.users.title'), brand.name);
  const me = useMe();
  if (me.data && me.data.user.role !== 'admin') {
    return (
      <Stack gap="lg">
        <PageHeader title={t('ops.users.title')} />
        <EmptyState
          icon={<IconLock size={24} />}
          title={t('area.noAccessTitle')}
          description={t('ops.forbidden')}
        />
      </Stack>
    );
  }
  return <UsersAdmin myId={me.data?.user.id} />;
}

function UsersAdmin({ myId }: { myId: string | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { roleChoice, statusChoice, filters } = useMemo(() => filtersOf(params), [params]);
  const pages = useCursorPages();
  const users = useUsers(filters, pages.cursor);
  const invalidate = useInvalidateUsers();
  const [notice, setNotice] = useState<Notice>(null);
  const [inviting, setInviting] = useState(false);
  const actions = useUserActions(setNotice);
  const inviteHeading = useRef<HTMLHeadingElement>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);

  const setFilter = (key: 'role' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== STAFF) next.set(key, value);
    else next.delete(key);
    pages.reset();
    setParams(next, { replace: true });
  };

  const openInvite = () => {
    setNotice(null);
    setInviting(true);
    // After the form renders: its heading takes focus, so screen readers hear where they are.
    requestAnimationFrame(() => inviteHeading.current?.focus());
  };

  const closeInvite = () => {
    setInviting(false);
    requestAnimationFrame(() => inviteButton.current?.focus());
  };

  const onInvited = (user: UserSummary) => {
    setNotice({ tone: 'ok', message: (t) => t('ops.users.done.invited', { email: user.email }) });
    closeInvite();
    void invalidate();
  };

  return (
    <Stack gap="lg">
      <div>
        <PageHeader
          title={t('ops.users.title')}
          description={t('ops.users.intro')}
          actions={
            !inviting && (
              <Button ref={inviteButton} onClick={openInvite} leftSection={<IconUser size={18} />}>
                {t('ops.users.invite')}
              </Button>
            )
          }
        />
        <StatusAlert
          status={notice && { tone: notice.tone, text: notice.message(t) }}
          onClose={() => setNotice(null)}
        />
      </div>

      {inviting && (
        <Card component="section" aria-labelledby="invite-title">
          <Card.Section>
            <Title order={2} size="h3" id="invite-title" ref={inviteHeading} tabIndex={-1}>
              {t('ops.invite.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4} mb="md">
              {t('ops.invite.intro')}
            </Text>
            <InviteUserForm onInvited={onInvited} onCancel={closeInvite} />
          </Card.Section>
        </Card>
      )}

      <section aria-label={t('ops.users.filtersLabel')} className={classes.userFilters}>
        <NativeSelect
          label={t('ops.users.roleFilter')}
          value={roleChoice}
          onChange={(e) => setFilter('role', e.currentTarget.value)}
          data={[
            { value: STAFF, label: t('ops.users.roleAllStaff') },
            ...STAFF_ROLES.map((role) => ({ value: role, label: t(`ops.users.roles.${role}`) })),
            { value: 'customer', label: t('ops.users.roles.customer') },
            { value: EVERYONE, label: t('ops.users.roleEveryone') },
          ]}
        />
        <NativeSelect
          label={t('ops.users.statusFilter')}
          value={statusChoice}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('ops.users.statusAny') },
            ...UserStatus.options.map((s) => ({ value: s, label: t(`ops.users.statuses.${s}`) })),
          ]}
        />
      </section>

      <ListStates
        query={users}
        loadingCards={2}
        headingOrder={2}
        renderError={(retry) => <OpsError {...retry} />}
        empty={{
          icon: <IconUser size={24} />,
          title: t('ops.users.emptyTitle'),
          description: t('ops.users.emptyBody'),
        }}
      >
        {(rows) => (
          <UserList
            users={rows}
            myId={myId}
            workingOn={actions.workingOn}
            busy={users.isFetching}
            onAction={actions.ask}
          />
        )}
      </ListStates>
      <CursorPager pages={pages} nextCursor={users.data?.nextCursor} />
      {actions.dialogs}
    </Stack>
  );
}
