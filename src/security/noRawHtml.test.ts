// Static guard: nothing in the app inserts HTML from a string (barcodes and server answers are
// always React text), and no console call is handed the token or what carries it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('no raw HTML, no token in the console', () => {
  it('reads the app’s sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('never uses dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const hits = files
      .filter((f) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(f.text),
      )
      .map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it('no console call mentions a token, password, Authorization header or the connection', () => {
    const hits = files.flatMap((f) =>
      f.text
        .split('\n')
        .filter(
          (line) =>
            /console\.(log|info|debug|warn|error|trace)\(/.test(line) &&
            /token|password|authori[sz]ation|connection|headers/i.test(line),
        )
        .map((line) => `${f.path}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });
});
