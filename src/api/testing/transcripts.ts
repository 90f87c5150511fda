/** Test helper: the real v291 server transcripts copied into the project (e2e/fixtures/contract). */

export interface Transcript {
  file: string;
  title: string;
  request: { method: string; path: string; query: Record<string, unknown>; body: unknown; auth: string };
  response: { status: number; body: unknown };
}

const files = import.meta.glob<Omit<Transcript, 'file'>>('../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});

export function loadTranscripts(): Transcript[] {
  return Object.entries(files)
    .map(([path, t]) => ({ file: path.split('/').pop() as string, ...t }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function transcript(prefix: string): Transcript {
  const t = loadTranscripts().find((x) => x.file.startsWith(prefix));
  if (!t) throw new Error(`no transcript ${prefix}`);
  return t;
}
