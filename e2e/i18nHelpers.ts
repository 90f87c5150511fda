/**
 * Checks for the language specs: no English message of the catalogues left on a page shown in
 * another language, and nothing wider than the screen (German words are long).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

const LOCALES = resolve(import.meta.dirname, '../src/i18n/locales');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

function catalogue(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(resolve(LOCALES, language))) {
    const area = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(resolve(LOCALES, language, file), 'utf8')) as Tree;
    for (const [key, value] of flatten(tree)) all.set(`${area}:${key}`, value);
  }
  return all;
}

/**
 * The English words a translated page must not show: the literal parts (between placeholders) of
 * every English message the other language words differently, long enough (two words, ten letters)
 * not to be a product name, a unit or a word both languages share.
 */
function englishFragments(language: string): string[] {
  const english = catalogue('en');
  const other = catalogue(language);
  const fragments = new Set<string>();
  for (const [key, text] of english) {
    if (other.get(key) === text) continue;
    for (const part of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>/)) {
      const fragment = part.trim().replace(/[.:,;…]+$/, '');
      if (fragment.length >= 10 && /[a-z]{2,} [a-z]{2,}/i.test(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

const cache = new Map<string, string[]>();

/**
 * Fails listing the English catalogue texts visible on the page. `serverTexts`: InvenTree's own
 * words the page quotes as sent (they stay English on an English server).
 */
export async function expectNoEnglish(page: Page, language: string, serverTexts: string[] = []): Promise<void> {
  if (!cache.has(language)) cache.set(language, englishFragments(language));
  const fragments = cache.get(language)!;
  let text = await page.locator('body').innerText();
  for (const quoted of serverTexts) text = text.split(quoted).join(' ');
  const left = fragments.filter((f) => text.includes(f));
  expect(left, `English left on ${page.url()}`).toEqual([]);
}

/** Nothing on the page is wider than the screen: no sideways scrolling, no word pushed off the edge. */
export async function expectNoOverflow(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const out: string[] = [];
    // Inside a sideways-scrolling box (a wide table) an element may reach past the screen.
    const scrolls = (el: HTMLElement): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
      }
      return false;
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= limit + 1) continue;
      if ((el.innerText ?? '').trim() && !scrolls(el)) out.push(`${el.tagName}: ${el.innerText.slice(0, 40)}`);
    }
    return { page: document.documentElement.scrollWidth > limit, elements: out.slice(0, 5) };
  });
  expect(wide, 'wider than the screen').toEqual({ page: false, elements: [] });
}
