/** Typing or pasting a barcode: the fallback that always works (no camera, no gun). */
import { Button, Group, TextInput } from '@mantine/core';
import { IconBarcode, IconKeyboard } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ManualEntryProps {
  label: string;
  compact: boolean;
  disabled: boolean;
  onSubmit(text: string): void;
}

export function ManualEntry({ label, compact, disabled, onSubmit }: ManualEntryProps) {
  const [manual, setManual] = useState('');
  const { t } = useTranslation('scanner');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = manual.replace(/[\r\n]+$/, '');
    if (!text.trim()) return;
    onSubmit(text);
    setManual('');
  };
  return (
    <form onSubmit={submit} aria-label={t('manual.formLabel')}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          placeholder={t('manual.placeholder')}
          value={manual}
          onChange={(e) => setManual(e.currentTarget.value)}
          disabled={disabled}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          style={{ flex: 1 }}
          size={compact ? 'sm' : 'md'}
          leftSection={<IconKeyboard size={18} aria-hidden />}
          data-testid="manual-input"
        />
        <Button
          type="submit"
          disabled={disabled || manual.trim().length === 0}
          size={compact ? 'sm' : 'md'}
          leftSection={<IconBarcode size={18} aria-hidden />}
          data-testid="manual-submit"
        >
          {t('manual.submit')}
        </Button>
      </Group>
    </form>
  );
}
