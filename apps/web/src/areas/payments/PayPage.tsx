import { Grid, Stack, Text } from '@mantine/core';
import type { AccountDetail, Payment, PaymentMethod, PaymentOptions } from '@marque/contracts';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { newIdempotencyKey, useMakePayment, usePaymentMethods, usePaymentOptions } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card } from '../../ui/index.ts';
import { useVehicleName } from '../portal/accountParts.tsx';
import { HelpCard } from '../portal/HelpCard.tsx';
import { AccountPage, useAccountId } from './AccountPage.tsx';
import { useMethodText } from './methodLabels.ts';
import { centsToInput } from './money.ts';
import { PayConfirmation } from './PayConfirmation.tsx';
import { PayDetailsForm } from './PayDetailsForm.tsx';
import { PayReview } from './PayReview.tsx';
import { PaySidebar } from './PaySidebar.tsx';
import classes from './pay.module.css';
import { initialDraft, PAY_FIELDS, type PayDraft, type PayErrors, toRequest } from './payDraft.ts';
import { formErrorText, localizedFieldErrors } from './payErrors.ts';

/** `/accounts/:accountId/pay`: make a one-time payment in three steps (details, review, done). */
export function PayPage() {
  const { t } = useTranslation();
  const options = usePaymentOptions(useAccountId());
  const methods = usePaymentMethods();
  return (
    <AccountPage title={t('pay.title')} queries={[options, methods]}>
      {(account) =>
        options.data && methods.data ? (
          <PayFlow account={account} options={options.data} methods={methods.data.data} />
        ) : null
      }
    </AccountPage>
  );
}

/**
 * An amount another page chose (the loan what-if's extra principal payment), passed as router
 * state so it never appears in the URL.
 */
function prefillOf(state: unknown): { amount: number; principalOnly: boolean } | null {
  const p = (state as { prefill?: { amount?: unknown; principalOnly?: unknown } } | null)?.prefill;
  return p && Number.isSafeInteger(p.amount) && (p.amount as number) > 0
    ? { amount: p.amount as number, principalOnly: p.principalOnly === true }
    : null;
}

function withPrefill(
  draft: PayDraft,
  prefill: ReturnType<typeof prefillOf>,
  options: PaymentOptions,
): PayDraft {
  if (!prefill) return draft;
  return {
    ...draft,
    preset: 'other',
    other: centsToInput(prefill.amount),
    principalOnly: prefill.principalOnly && options.principalOnlyAllowed,
  };
}

type Step = { name: 'details' } | { name: 'review'; key: string } | { name: 'done'; payment: Payment };

function PayFlow({
  account,
  options,
  methods,
}: {
  account: AccountDetail;
  options: PaymentOptions;
  methods: PaymentMethod[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodText = useMethodText();
  const vehicleName = useVehicleName();
  const [search] = useSearchParams();
  const prefill = prefillOf(useLocation().state);
  const [draft, setDraft] = useState<PayDraft>(() => {
    const first = withPrefill(initialDraft(options, search.get('amount')), prefill, options);
    // One suitable method: chosen already, one tap fewer on a phone.
    const usable = methods.filter((m) => methodText(m).usable);
    return usable.length === 1 ? { ...first, methodId: usable[0]?.id ?? null } : first;
  });
  const [errors, setErrors] = useState<PayErrors>({});
  const [step, setStep] = useState<Step>({ name: 'details' });
  const [formError, setFormError] = useState<string | null>(null);
  const pay = useMakePayment(account.id);
  const accountHref = `/accounts/${encodeURIComponent(account.id)}`;
  const request = toRequest(draft, options, options.principalOnlyAllowed);
  const method = methods.find((m) => m.id === draft.methodId);

  // A second click can land before React re-renders the disabled button: one request at a time.
  const inFlight = useRef(false);
  const onPay = async (key: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const payment = await pay.mutateAsync({ body: request, key });
      setStep({ name: 'done', payment });
      window.scrollTo({ top: 0 });
    } catch (error) {
      const values = { payoff: format.money(options.payoff) };
      const fields = localizedFieldErrors(t, error, PAY_FIELDS, values);
      if (Object.values(fields).some(Boolean)) {
        // Back to the choices, with the server's words next to the field they are about.
        setErrors(fields);
        setStep({ name: 'details' });
        return;
      }
      // Not about a field (network, busy): the same key is kept, so trying again cannot pay twice.
      setFormError(formErrorText(t, error, t('pay.errors.generic')));
    } finally {
      inFlight.current = false;
    }
  };

  let body: ReactNode;
  if (step.name === 'done') {
    body = <PayConfirmation payment={step.payment} accountHref={accountHref} />;
  } else {
    body = (
      <Card component="section" aria-labelledby="pay-step-title">
        <Card.Section>
          <Text className={classes.stepLabel}>
            {t('pay.stepOf', { step: step.name === 'details' ? 1 : 2, total: 3 })}
          </Text>
          <Card.Title id="pay-step-title">
            {step.name === 'details' ? t('pay.detailsTitle') : t('pay.reviewTitle')}
          </Card.Title>
        </Card.Section>
        <Card.Section>
          {step.name === 'details' ? (
            <PayDetailsForm
              account={account}
              options={options}
              methods={methods}
              draft={draft}
              onDraft={setDraft}
              errors={errors}
              onErrors={setErrors}
              onContinue={() => {
                setFormError(null);
                // One key per attempt, made when the review is shown: a double click or a retry reuses it.
                setStep({ name: 'review', key: newIdempotencyKey() });
              }}
            />
          ) : (
            <PayReview
              request={request}
              methodLabel={method ? methodText(method).full : ''}
              accountLabel={`${vehicleName(account.vehicle)} (${account.accountNumber})`}
              today={options.earliestDate}
              submitting={pay.isPending}
              error={formError}
              onPay={() => void onPay(step.key)}
              onEdit={() => setStep({ name: 'details' })}
            />
          )}
        </Card.Section>
      </Card>
    );
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>{body}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <PaySidebar account={account} />
          <HelpCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
