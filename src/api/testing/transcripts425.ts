/** Test helper: the recordings of a real InvenTree 1.2 dev (API 425) server (e2e/fixtures/contract/transcripts-425). */
import type { Transcript } from './transcripts.ts';

const files = import.meta.glob<Omit<Transcript, 'file'>>('../../../e2e/fixtures/contract/transcripts-425/*.json', {
  eager: true,
  import: 'default',
});

export function loadTranscripts425(): Transcript[] {
  return Object.entries(files)
    .map(([path, t]) => ({ file: path.split('/').pop() as string, ...t }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function transcript425(prefix: string): Transcript {
  const t = loadTranscripts425().find((x) => x.file.startsWith(prefix));
  if (!t) throw new Error(`no 425 transcript ${prefix}`);
  return t;
}
