import type { PaymentSplit } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../ui/index.ts';
import classes from './PaymentSplitView.module.css';

type Part = keyof PaymentSplit;
const PARTS: Part[] = ['fees', 'interest', 'principal', 'unapplied'];

/**
 * Where a payment went (fees, then interest, then principal; anything left over held as
 * unapplied): a small proportional bar for the eye, and the amounts as a list for everyone.
 */
export function PaymentSplitView({ split }: { split: PaymentSplit }) {
  const { t } = useTranslation();
  // Returns carry the split as negative amounts: the bar shows proportions either way.
  const size = (part: Part) => Math.abs(split[part].amount);
  const total = PARTS.reduce((sum, part) => sum + size(part), 0);
  const shown = PARTS.filter((part) => part !== 'unapplied' || split.unapplied.amount !== 0);
  return (
    <div>
      {total > 0 && (
        <div className={classes.bar} aria-hidden="true">
          {shown
            .filter((part) => size(part) > 0)
            .map((part) => (
              <div
                key={part}
                className={`${classes.segment} ${classes[part]}`}
                style={{ width: `${(size(part) / total) * 100}%` }}
              />
            ))}
        </div>
      )}
      <dl className={classes.list}>
        {shown.map((part) => (
          <div key={part} className={classes.row}>
            <dt>
              <span className={`${classes.swatch} ${classes[part]}`} aria-hidden="true" />
              {t(`payments.split.${part}`)}
            </dt>
            <dd>
              <MoneyText value={split[part]} inherit />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
