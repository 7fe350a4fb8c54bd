import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';
import { IconGlobe } from './icons.tsx';
import classes from './LanguageSwitch.module.css';

/**
 * A labelled combobox ("Language" / "Idioma"). Each language is written in its own language and
 * marked with `lang`, so its speakers recognise it. Switching re-renders every text at once;
 * `onChange` lets a signed-in customer's choice be kept on the server too.
 */
export function LanguageSwitch({ onChange }: { onChange?: ((language: Language) => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const value = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Select
      className={classes.root}
      classNames={{ input: classes.input, label: classes.srOnly }}
      label={t('language.label')}
      size="sm"
      value={value}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      renderOption={({ option }) => <span lang={option.value}>{option.label}</span>}
      onChange={(next) => {
        if (!isLanguage(next)) return;
        void setLanguage(next);
        onChange?.(next);
      }}
      allowDeselect={false}
      withCheckIcon
      checkIconPosition="right"
      leftSection={<IconGlobe size={16} />}
      leftSectionPointerEvents="none"
      comboboxProps={{ withinPortal: false, position: 'bottom-end', width: 160, shadow: 'md' }}
    />
  );
}
