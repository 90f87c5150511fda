// The catalogue check (npm run i18n:check, part of npm test): every shipped language has every
// message English has, with the plural forms its language needs and the same {{placeholders}};
// nothing stale. Keys used in code but missing from English are caught by tsc (typed keys).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = new URL('../src/i18n/locales/', import.meta.url).pathname;
const SOURCE = 'en';
const PLURAL = /_(zero|one|two|few|many|other)$/;

const languages = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory());
const areas = fs.readdirSync(path.join(ROOT, SOURCE)).filter((f) => f.endsWith('.json'));

/** {a: {b: "x"}} → Map("a.b" → "x"); a non-string leaf is reported. */
function flatten(value, prefix, out, problems, where) {
  for (const [key, v] of Object.entries(value)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'string') out.set(full, v);
    else if (v && typeof v === 'object') flatten(v, full, out, problems, where);
    else problems.push(`${where}: "${full}" is not a text`);
  }
  return out;
}

function read(lang, area, problems) {
  const file = path.join(ROOT, lang, area);
  if (!fs.existsSync(file)) {
    problems.push(`${lang}/${area}: file missing`);
    return new Map();
  }
  try {
    return flatten(JSON.parse(fs.readFileSync(file, 'utf8')), '', new Map(), problems, `${lang}/${area}`);
  } catch (e) {
    problems.push(`${lang}/${area}: not JSON (${e.message})`);
    return new Map();
  }
}

const placeholders = (text) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Messages of one catalogue: plain keys, and plural bases with their forms. */
function messages(map) {
  const plain = new Map();
  const plurals = new Map();
  for (const [key, text] of map) {
    const m = PLURAL.exec(key);
    if (m) {
      const base = key.slice(0, -m[0].length);
      if (!plurals.has(base)) plurals.set(base, new Map());
      plurals.get(base).set(m[1], text);
    } else plain.set(key, text);
  }
  return { plain, plurals };
}

/** `{{x, fmt}}`: only the plain `number` format, the one src/i18n/i18n.ts formats (one Intl.NumberFormat per language). */
function formatProblems(where, map, problems) {
  for (const [key, text] of map) {
    for (const m of text.matchAll(/\{\{\s*[\w.]+\s*,\s*([^}]*)\}\}/g)) {
      if (m[1].trim() !== 'number')
        problems.push(`${where}: "${key}" uses the format "${m[1].trim()}"; only "number" is supported`);
    }
  }
}

const problems = [];
let total = 0;
for (const area of areas) {
  const enRaw = read(SOURCE, area, problems);
  formatProblems(`${SOURCE}/${area}`, enRaw, problems);
  const en = messages(enRaw);
  total += en.plain.size + en.plurals.size;
  for (const [base, forms] of en.plurals) {
    if (!forms.has('one') || !forms.has('other')) problems.push(`en/${area}: "${base}" needs _one and _other`);
  }
  for (const lang of languages.filter((l) => l !== SOURCE)) {
    const where = `${lang}/${area}`;
    const raw = read(lang, area, problems);
    formatProblems(where, raw, problems);
    const tr = messages(raw);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, text] of en.plain) {
      const t = tr.plain.get(key);
      if (t === undefined) problems.push(`${where}: missing "${key}"`);
      else if (!t.trim() && text.trim()) problems.push(`${where}: "${key}" is empty`);
      else if (placeholders(t) !== placeholders(text))
        problems.push(`${where}: "${key}" has {{${placeholders(t)}}}, English has {{${placeholders(text)}}}`);
    }
    for (const [base, forms] of en.plurals) {
      const got = tr.plurals.get(base);
      const want = placeholders(forms.get('other') ?? '');
      for (const c of categories) {
        const t = got?.get(c);
        if (t === undefined) problems.push(`${where}: missing "${base}_${c}" (plural form ${c} of ${lang})`);
        else if (placeholders(t) !== want && placeholders(t) !== placeholders(forms.get(c) ?? ''))
          problems.push(`${where}: "${base}_${c}" has {{${placeholders(t)}}}, English has {{${want}}}`);
      }
    }
    for (const key of tr.plain.keys())
      if (!en.plain.has(key)) problems.push(`${where}: "${key}" is not in English (stale)`);
    for (const base of tr.plurals.keys())
      if (!en.plurals.has(base)) problems.push(`${where}: "${base}_*" is not in English (stale)`);
  }
}
for (const lang of languages) {
  for (const f of fs.readdirSync(path.join(ROOT, lang))) {
    if (!areas.includes(f)) problems.push(`${lang}/${f}: no English catalogue of that name`);
  }
}

const shipped = languages.filter((l) => l !== SOURCE);
if (problems.length) {
  console.error(`i18n check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check: ${total} messages in ${areas.length} areas; 0 missing for ${shipped.join(', ')}.`);
