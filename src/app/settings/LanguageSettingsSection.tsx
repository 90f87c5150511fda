/** Settings › Language: the picker that wins over the browser's and InvenTree's language (this device only). */
import { Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, matchLanguage } from '../../i18n/languages.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

const AUTOMATIC = 'auto';

export function LanguageSettingsSection() {
  const { t } = useTranslation('settings');
  const { language, picked, pick } = useLanguage();
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="language-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="language-title">
          {t('language.title')}
        </Title>
        <NativeSelect
          label={t('language.label')}
          description={t('language.description')}
          value={picked ?? AUTOMATIC}
          onChange={(e) => void pick(matchLanguage(e.currentTarget.value))}
          data={[
            { value: AUTOMATIC, label: t('language.automatic', { language: LANGUAGE_NAMES[language] }) },
            // Each language in its own name, with lang= so a screen reader reads it in that voice.
            ...LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] })),
          ]}
          data-testid="language-select"
          maw={360}
        />
        <Text size="sm" c="dimmed">
          {t('language.note')}
        </Text>
        <Text size="sm" data-testid="language-formats">
          {t('language.formats', { number: formatNumber(1234.5), date: formatDateTime(Date.now()) })}
        </Text>
      </Stack>
    </Card>
  );
}
