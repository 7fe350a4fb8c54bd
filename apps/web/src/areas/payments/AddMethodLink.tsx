import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where bank accounts and cards are added: the payment methods page (its own area of the portal). */
export function AddMethodLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/payment-methods" size="sm" fw={600}>
      {t('pay.addMethod')}
    </Anchor>
  );
}
