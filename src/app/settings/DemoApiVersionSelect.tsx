/** Settings › Demo: which InvenTree version the built-in demo answers as (reloads the page). */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEMO_API_VERSIONS, loadDemoApiVersion, saveDemoApiVersion } from '../demoApiVersion.ts';

export function DemoApiVersionSelect({ disabled }: { disabled?: boolean }) {
  const current = loadDemoApiVersion();
  const { t } = useTranslation('settings');
  return (
    <Select
      label={t('demoVersion.label')}
      description={t('demoVersion.description')}
      value={String(current)}
      data={DEMO_API_VERSIONS.map((v) => ({ value: String(v.value), label: v.label }))}
      onChange={(v) => {
        const next = v === '425' ? 425 : 291;
        if (next === current) return;
        saveDemoApiVersion(next);
        window.location.reload();
      }}
      allowDeselect={false}
      disabled={disabled}
      maw={460}
    />
  );
}
