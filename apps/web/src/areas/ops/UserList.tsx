import { Anchor, Box, Button, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import type { UserSummary } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, DateTimeText, IconChevronDown, ToneBadge } from '../../ui/index.ts';
import classes from './ops.module.css';
import { actionsFor, STATUS_TONE, type UserAction } from './userActions.ts';

export interface UserListProps {
  users: UserSummary[];
  myId: string | undefined;
  /** The user an action is running for: their menu button shows it. */
  workingOn: string | null;
  busy: boolean;
  onAction: (action: UserAction, user: UserSummary) => void;
}

function ActionsMenu({
  user,
  myId,
  workingOn,
  onAction,
}: Omit<UserListProps, 'users' | 'busy'> & { user: UserSummary }) {
  const { t } = useTranslation();
  const actions = actionsFor(user, myId);
  if (actions.length === 0) {
    return user.id === myId ? (
      <Anchor component={Link} to="/ops/security" size="sm">
        {t('ops.users.ownAccount')}
      </Anchor>
    ) : null;
  }
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          rightSection={<IconChevronDown size={16} />}
          loading={workingOn === user.id}
          aria-label={t('ops.users.actionsFor', { name: user.displayName })}
        >
          {t('ops.users.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item
            key={action}
            color={action === 'disable' || action === 'resetAccess' ? 'red.9' : undefined}
            onClick={() => onAction(action, user)}
          >
            {t(`ops.users.action.${action}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function NameCell({ user, myId }: { user: UserSummary; myId: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text fw={650} className={classes.subject}>
          {user.displayName}
        </Text>
        {user.id === myId && <ToneBadge tone="neutral">{t('ops.users.you')}</ToneBadge>}
      </Group>
      <Text size="sm" c="dimmed" className={classes.meta}>
        {user.email}
      </Text>
    </>
  );
}

function LastSignIn({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  return user.lastLoginAt ? (
    <DateTimeText value={user.lastLoginAt} size="sm" />
  ) : (
    <Text size="sm" c="dimmed">
      {t('ops.users.never')}
    </Text>
  );
}

/**
 * The users of one page: a card each on phones, a table from tablets up (both rendered, CSS
 * shows one, so nothing jumps while the viewport is measured). Each has an actions menu.
 */
export function UserList({ users, myId, workingOn, busy, onAction }: UserListProps) {
  const { t } = useTranslation();
  const menu = (user: UserSummary) => (
    <ActionsMenu user={user} myId={myId} workingOn={workingOn} onAction={onAction} />
  );
  const status = (user: UserSummary) => (
    <ToneBadge tone={STATUS_TONE[user.status]}>{t(`ops.users.statuses.${user.status}`)}</ToneBadge>
  );

  return (
    <>
      <Box hiddenFrom="md" aria-busy={busy}>
        <ul className={classes.userCards} aria-label={t('ops.users.listLabel')}>
          {users.map((user) => (
            <li key={user.id}>
              <Card>
                <Card.Section>
                  <NameCell user={user} myId={myId} />
                  <Group gap="xs" mt="xs">
                    <ToneBadge tone="info">{t(`ops.users.roles.${user.role}`)}</ToneBadge>
                    {status(user)}
                  </Group>
                  <dl className={classes.userFacts}>
                    <dt>{t('ops.users.lastSignIn')}</dt>
                    <dd>
                      <LastSignIn user={user} />
                    </dd>
                    <dt>{t('ops.users.added')}</dt>
                    <dd>
                      <DateTimeText value={user.createdAt} size="sm" />
                    </dd>
                  </dl>
                  <Box mt="sm">{menu(user)}</Box>
                </Card.Section>
              </Card>
            </li>
          ))}
        </ul>
      </Box>
      <Card visibleFrom="md" aria-busy={busy}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={classes.userTable}>
          <caption>
            <VisuallyHidden>{t('ops.users.listLabel')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ops.users.name')}</Table.Th>
              <Table.Th scope="col">{t('ops.users.role')}</Table.Th>
              <Table.Th scope="col">{t('ops.users.status')}</Table.Th>
              <Table.Th scope="col">{t('ops.users.lastSignIn')}</Table.Th>
              <Table.Th scope="col">{t('ops.users.added')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('ops.users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <NameCell user={user} myId={myId} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`ops.users.roles.${user.role}`)}</Text>
                </Table.Td>
                <Table.Td>{status(user)}</Table.Td>
                <Table.Td>
                  <LastSignIn user={user} />
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={user.createdAt} size="sm" />
                </Table.Td>
                <Table.Td className={classes.actionsCell}>{menu(user)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </>
  );
}
