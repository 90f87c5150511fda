import { Text, type TextProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleSegments, visibleText } from '../scanner/visibleText.ts';
import classes from './BarcodeText.module.css';

export interface BarcodeTextProps extends Omit<TextProps, 'children'> {
  text: string;
  /** Cut very long barcodes after this many characters (the full text stays in the title). */
  maxLength?: number;
}

/**
 * "GS" from "GS (group separator), U+001D": a short name reads the same in every font, where
 * control pictures (␝) are missing from many.
 */
function shortName(name: string | undefined): string | null {
  const head = name?.split(/[ ,]/)[0] ?? '';
  return /^[A-Z]{2,4}$/.test(head) ? head : null;
}

/**
 * A barcode exactly as read, with control characters (GS, RS, EOT, NUL, bidi marks…) shown as
 * marked stand-ins rather than dropped or interpreted. Text nodes only; isolated from the page's
 * direction so a right-to-left mark in the data cannot reorder anything around it.
 */
export function BarcodeText({ text, maxLength = 600, ...rest }: BarcodeTextProps) {
  // Cut at code points, so an emoji is never split into a stray half.
  const { t } = useTranslation('ui');
  const chars = useMemo(() => (text.length > maxLength ? [...text] : null), [text, maxLength]);
  const cut = chars !== null && chars.length > maxLength;
  const segments = useMemo(
    () => visibleSegments(chars && cut ? chars.slice(0, maxLength).join('') : text),
    [text, chars, cut, maxLength],
  );
  return (
    <Text
      component="span"
      ff="monospace"
      className={classes.barcode}
      dir="ltr"
      title={visibleText(text.slice(0, 2000))}
      data-testid="barcode-text"
      {...rest}
    >
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <abbr key={i} className={classes.control} title={s.name}>
            {shortName(s.name) ?? s.text}
          </abbr>
        ),
      )}
      {cut && <span className={classes.more}> {t('barcode.more', { count: chars.length - maxLength })}</span>}
    </Text>
  );
}
