import { Trans, useTranslation } from 'react-i18next';
import { IconCard, IconPhone, PhoneLink } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';

/** Who to call, with the number tappable on phones. */
export function HelpCard() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  if (!brand.supportPhone) return null;
  return (
    <IconCard icon={<IconPhone size={22} />} title={t('dashboard.helpTitle')} titleId="help-title">
      <Trans
        i18nKey="dashboard.helpBody"
        values={{ phone: brand.supportPhone, hours: brand.supportHours }}
        components={{ phone: <PhoneLink phone={brand.supportPhone} /> }}
      />
    </IconCard>
  );
}
