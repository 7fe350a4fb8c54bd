import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Money, Transaction } from '@marque/contracts';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { IconChevronDown } from '../../ui/index.ts';
import { PaymentSplitView } from './PaymentSplitView.tsx';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import { useReturnReason } from './returnReason.ts';
import classes from './transactions.module.css';

export type ReturnReasons = Map<string, { code: string | null; reason: string | null }>;

interface ViewProps {
  rows: Transaction[];
  reasons: ReturnReasons;
}

/** A change to what is owed: "+$12.34" adds to it, "−$423.17" lowers it. */
function useSignedMoney() {
  const format = useFormat();
  return (money: Money) => (money.amount > 0 ? `+${format.money(money)}` : format.money(money));
}

/** What the line is, its confirmation and state, and why it came back when it did. */
function TransactionWhat({ row, reasons }: { row: Transaction; reasons: ReturnReasons }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = useReturnReason();
  const returned = row.payment?.status === 'returned' ? reasons.get(row.payment.id) : undefined;
  return (
    <div className={classes.what}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} component="span">
          {t(`transactions.type.${row.type}`)}
        </Text>
        {row.payment && <PaymentStatusBadge status={row.payment.status} />}
      </Group>
      {row.payment && (
        <Text size="sm" c="dimmed">
          {t('payments.confirmation', { number: row.payment.confirmationNumber })}
        </Text>
      )}
      {/* The ledger's own wording is English bookkeeping text: shown to English readers only. */}
      {format.language === 'en' && !row.payment && (
        <Text size="sm" c="dimmed">
          {row.description}
        </Text>
      )}
      {row.payment?.status === 'returned' && (
        <Text size="sm" c="red.8">
          {t('payments.returnedBecause', {
            reason: reason(returned?.code ?? null, returned?.reason ?? null),
          })}
        </Text>
      )}
    </div>
  );
}

function SplitToggle({
  expanded,
  controls,
  onToggle,
}: {
  expanded: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      rightSection={<IconChevronDown size={16} className={expanded ? classes.flipped : undefined} />}
    >
      {expanded ? t('transactions.hideSplit') : t('transactions.showSplit')}
    </Button>
  );
}

/** What both views need: words, formats, and which rows have their split open. */
function useHistoryView() {
  const { t } = useTranslation();
  const format = useFormat();
  const signed = useSignedMoney();
  const base = useId();
  const [open, setOpen] = useState<Set<string>>(new Set());
  return {
    t,
    format,
    signed,
    splitId: (id: string) => `${base}-${id}`,
    isOpen: (id: string) => open.has(id),
    toggle: (id: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}

export function TransactionTable({ rows, reasons }: ViewProps) {
  const { t, format, signed, ...expanded } = useHistoryView();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('transactions.columns.date')}</Table.Th>
            <Table.Th scope="col">{t('transactions.columns.transaction')}</Table.Th>
            <Table.Th scope="col" className={classes.number}>
              {t('transactions.columns.amount')}
            </Table.Th>
            <Table.Th scope="col" className={classes.number}>
              {t('transactions.columns.balance')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('transactions.columns.details')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const splitId = expanded.splitId(row.id);
            const open = expanded.isOpen(row.id);
            return (
              <Fragment key={row.id}>
                <Table.Tr>
                  <Table.Td className={classes.nowrap}>
                    <time dateTime={row.effectiveDate}>{format.date(row.effectiveDate)}</time>
                  </Table.Td>
                  <Table.Td>
                    <TransactionWhat row={row} reasons={reasons} />
                  </Table.Td>
                  <Table.Td className={`${classes.number} tabular`}>{signed(row.amount)}</Table.Td>
                  <Table.Td className={`${classes.number} tabular`}>{format.money(row.balance)}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {row.split && (
                      <SplitToggle
                        expanded={open}
                        controls={splitId}
                        onToggle={() => expanded.toggle(row.id)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
                {row.split && open && (
                  <Table.Tr id={splitId} className={classes.splitRow}>
                    <Table.Td colSpan={5}>
                      <div className={classes.splitBox}>
                        <PaymentSplitView split={row.split} />
                      </div>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TransactionCards({ rows, reasons }: ViewProps) {
  const { t, format, signed, ...expanded } = useHistoryView();
  return (
    <ul className={classes.cards}>
      {rows.map((row) => {
        const splitId = expanded.splitId(row.id);
        const open = expanded.isOpen(row.id);
        return (
          <li key={row.id} className={classes.cardItem}>
            <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
              <TransactionWhat row={row} reasons={reasons} />
              <Text fw={700} className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {signed(row.amount)}
              </Text>
            </Group>
            <Group justify="space-between" gap="sm" mt={4}>
              <Text size="sm" c="dimmed">
                <time dateTime={row.effectiveDate}>{format.date(row.effectiveDate)}</time>
              </Text>
              <Text size="sm" c="dimmed" className="tabular">
                {t('transactions.balanceAfter', { balance: format.money(row.balance) })}
              </Text>
            </Group>
            {row.split && (
              <>
                <SplitToggle expanded={open} controls={splitId} onToggle={() => expanded.toggle(row.id)} />
                {open && (
                  <div id={splitId} className={classes.splitBox}>
                    <PaymentSplitView split={row.split} />
                  </div>
                )}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
