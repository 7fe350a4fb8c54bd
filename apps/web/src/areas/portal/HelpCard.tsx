import { Group, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Card, IconPhone, PhoneLink } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';

/** Who to call, with the number tappable on phones. */
export function HelpCard() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  if (!brand.supportPhone) return null;
  return (
    <Card component="section" aria-labelledby="help-title">
      <Card.Section>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Text component="span" c="brand.7" mt={2}>
            <IconPhone size={22} />
          </Text>
          <div>
            <Card.Title order={2} id="help-title">
              <Text component="span" fw={650} size="md">
                {t('dashboard.helpTitle')}
              </Text>
            </Card.Title>
            <Text size="sm" c="dimmed" mt={4}>
              <Trans
                i18nKey="dashboard.helpBody"
                values={{ phone: brand.supportPhone, hours: brand.supportHours }}
                components={{ phone: <PhoneLink phone={brand.supportPhone} /> }}
              />
            </Text>
          </div>
        </Group>
      </Card.Section>
    </Card>
  );
}
