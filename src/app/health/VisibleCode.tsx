/** Scanned text with its control characters (GS, RS, EOT…) shown as red names, for the health page. */
import { Code, Text } from '@mantine/core';
import { visibleSegments } from '../../scanner/visibleText.ts';

export function VisibleCode({ text }: { text: string }) {
  return (
    <Code style={{ wordBreak: 'break-all' }}>
      {visibleSegments(text).map((s, i) =>
        s.kind === 'control' ? (
          <Text key={i} span c="red.7" fw={700} title={s.name}>
            {s.text}
          </Text>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Code>
  );
}
