import { Anchor, Button, Group, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AccountSummary } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  ContractTypeBadge,
  IconAlertTriangle,
  IconCar,
  IconChevronRight,
  MoneyText,
  ProgressMeter,
  StatusBadge,
} from '../../ui/index.ts';
import classes from './accountParts.module.css';

export function useVehicleName() {
  const { t } = useTranslation();
  return (vehicle: AccountSummary['vehicle']) =>
    t('account.vehicleName', {
      year: vehicle.year,
      make: vehicle.make,
      model: vehicle.model,
      trim: vehicle.trim,
    }).trim();
}

/** Last six characters of the VIN: enough to recognise the car, not the whole identifier. */
export function vinTail(vin: string): string {
  return vin.slice(-6).toUpperCase();
}

/** The vehicle: name, colour, VIN ending, odometer. Kept in its own block, apart from the money. */
export function VehicleBlock({
  account,
  titleId,
  headingOrder = 3,
}: {
  account: AccountSummary;
  titleId?: string;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const vehicleName = useVehicleName();
  const { vehicle } = account;
  return (
    <>
      <div className={classes.vehicleHead}>
        <div className={classes.vehicleIcon}>
          <IconCar size={22} />
        </div>
        <div>
          <Text className={classes.eyebrow}>{t('account.vehicleHeading')}</Text>
          <Title order={headingOrder} size="h3" id={titleId} className={classes.vehicleName}>
            {vehicleName(vehicle)}
          </Title>
        </div>
      </div>
      <dl className={classes.vehicleFacts}>
        <div className={classes.vehicleFact}>
          <dt>{t('account.color')}</dt>
          <dd>{vehicle.color}</dd>
        </div>
        <div className={classes.vehicleFact}>
          <dt>{t('account.vinEnding')}</dt>
          <dd className={classes.mono}>{vinTail(vehicle.vin)}</dd>
        </div>
        <div className={classes.vehicleFact}>
          <dt>{t('account.odometer')}</dt>
          <dd className="tabular">
            {t('account.miles', { count: vehicle.odometer, formatted: format.integer(vehicle.odometer) })}
          </dd>
        </div>
      </dl>
    </>
  );
}

/** Status, next payment, balance, past due and progress: the money side of an account. */
export function MoneyBlock({
  account,
  withIdentity = true,
}: {
  account: AccountSummary;
  /** Show the Loan/Lease badge and account number (the detail page already has them in its header). */
  withIdentity?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = account.paymentsMade + account.paymentsRemaining;
  const progressText = t('account.paymentsProgress', {
    made: format.integer(account.paymentsMade),
    total: format.integer(total),
  });
  return (
    <>
      <div className={classes.moneyHead}>
        <div className={classes.badges}>
          {withIdentity && <ContractTypeBadge type={account.type} />}
          <StatusBadge account={account} />
        </div>
        {withIdentity && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('account.accountNumber', { number: account.accountNumber })}
          </Text>
        )}
      </div>
      <dl className={classes.figures}>
        <div className={classes.figure}>
          <dt>{t('account.nextPayment')}</dt>
          {account.nextPayment ? (
            <>
              <dd>
                <MoneyText value={account.nextPayment.amount} className={classes.amount} />
              </dd>
              <dd>
                <Text size="sm" c="dimmed" component="span">
                  {t('account.dueOn', { date: format.date(account.nextPayment.dueDate, 'medium') })}
                </Text>
              </dd>
            </>
          ) : (
            <dd>
              <Text fw={600}>{t('account.noPaymentDue')}</Text>
            </dd>
          )}
        </div>
        <div className={classes.figure}>
          <dt>{t(`account.balance.${account.type}`)}</dt>
          <dd>
            <MoneyText value={account.balance} className={classes.amount} />
          </dd>
        </div>
      </dl>
      {account.pastDue.amount > 0 && (
        <div className={classes.pastDue}>
          <IconAlertTriangle size={20} style={{ flex: 'none', marginTop: 2 }} />
          <div>
            <Text fw={700} component="p">
              {t('account.pastDue')}: <MoneyText value={account.pastDue} className={classes.pastDueAmount} />
            </Text>
            <Text size="sm" component="p">
              {t('account.pastDueNote')}
            </Text>
          </div>
        </div>
      )}
      {total > 0 && (
        <ProgressMeter
          label={t('account.paymentsLabel')}
          value={account.paymentsMade}
          max={total}
          valueText={progressText}
          start={progressText}
          end={t('account.paymentsRemaining', {
            count: account.paymentsRemaining,
          })}
        />
      )}
    </>
  );
}

/** One account on the dashboard: vehicle block, money block, Pay and a link to details. */
export function AccountCard({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const vehicleName = useVehicleName();
  const titleId = `account-${account.id}-title`;
  return (
    <Card component="article" aria-labelledby={titleId} className={classes.card}>
      <Card.Section muted>
        <VehicleBlock account={account} titleId={titleId} />
      </Card.Section>
      <Card.Section className={classes.grow}>
        <MoneyBlock account={account} />
      </Card.Section>
      <Card.Section py={account.status === 'active' ? 'sm' : 4}>
        <Group justify={account.status === 'active' ? 'space-between' : 'flex-end'} gap="sm">
          {account.status === 'active' && (
            <Button component={Link} to={`/accounts/${encodeURIComponent(account.id)}/pay`}>
              {t('pay.payButton')}
              <VisuallyHidden>{` ${t('pay.payFor', { vehicle: vehicleName(account.vehicle) })}`}</VisuallyHidden>
            </Button>
          )}
          <Anchor
            component={Link}
            to={`/accounts/${encodeURIComponent(account.id)}`}
            className={classes.detailsLink}
          >
            {t('account.viewDetails')}
            <VisuallyHidden>{` ${t('account.viewDetailsFor', { vehicle: vehicleName(account.vehicle) })}`}</VisuallyHidden>
            <IconChevronRight size={16} />
          </Anchor>
        </Group>
      </Card.Section>
    </Card>
  );
}
