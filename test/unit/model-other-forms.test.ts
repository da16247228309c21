// The model over the 1970s PlusD texts and the FRUS telegrams of ../shared/corpus/other-forms (or
// the vendored sample): ID (either convention), date to the minute, classification and TAGS codes
// against what the sources' metadata give, and never a wrong ID. Exceptions carry their reasons.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import { cableId, parseCable, type CableModel } from '../../server/src/model/cable-model.ts';
import { frusText } from '../support/frus-text.ts';

const root = join(__dirname, '..', '..');
const SHARED = join(root, '..', 'shared', 'corpus', 'other-forms');
const VENDORED = join(root, 'test', 'fixtures', 'other-forms');

type Row = Record<string, string>;
type Field = 'id' | 'date' | 'classification' | 'tags';

/** Fields the model is known to get wrong or cannot get, by file, with the reason. */
const EXCEPTIONS: Record<string, Partial<Record<Field, string>>> = {};

function formDir(form: string): string {
  return existsSync(join(SHARED, form, 'metadata.jsonl')) ? join(SHARED, form) : join(VENDORED, form);
}

function rows(dir: string): Row[] {
  return readFileSync(join(dir, 'metadata.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

/** `1974ATHENS02959` → `74ATHENS2959`, the Cablegate convention of the same cable. */
function shortId(documentNumber: string): string {
  const m = /^\d\d(\d\d)([A-Z]+?)0*(\d+)$/.exec(documentNumber)!;
  return `${m[1]}${m[2]}${m[3]}`;
}

/** The metadata's TAGS codes: persons in parentheses dropped, each code once. */
function tagCodes(tags: string): string[] {
  return [
    ...new Set(
      tags
        .replace(/\([^)]*\)/g, ' ')
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ];
}

function modelTags(model: CableModel): string[] {
  return [...new Set(model.tags?.codes.map((c) => c.code) ?? [])];
}

interface Check {
  file: string;
  field: Field;
  expected: unknown;
  actual: unknown;
}

/** What the PlusD metadata states, as model values; a field the excerpt does not hold is left out. */
function plusdChecks(row: Row, model: CableModel): { checks: Check[]; wrongId?: string } {
  const file = row.file!;
  const checks: Check[] = [];
  const id = row.id!;
  const idRight = model.documentNumber === id || model.id === shortId(id);
  checks.push({ file, field: 'id', expected: id, actual: idRight ? id : (model.documentNumber ?? model.id) });
  const wrongId =
    (model.documentNumber && model.documentNumber !== id) || (!model.documentNumber && model.id && model.id !== shortId(id))
      ? `${file}: ${model.documentNumber ?? model.id} for ${id}`
      : undefined;
  const utc = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)/.exec(row.date_utc ?? '');
  const display = /^(\d{4}) (\w{3}) (\d\d), (\d\d:\d\d)/.exec(row.date_display ?? '');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const date = utc
    ? `${utc[1]}T${utc[2]}Z`
    : display
      ? `${display[1]}-${String(months.indexOf(display[2]!) + 1).padStart(2, '0')}-${display[3]}T${display[4]}Z`
      : undefined;
  if (date) checks.push({ file, field: 'date', expected: date, actual: model.date });
  const classification = (row.classification ?? row.original_classification)?.replace(/\s*\(.*\)$/, '');
  if (classification) checks.push({ file, field: 'classification', expected: classification, actual: model.classification });
  if (row.tags && !row.tags.startsWith('(')) checks.push({ file, field: 'tags', expected: tagCodes(row.tags), actual: modelTags(model) });
  return wrongId ? { checks, wrongId } : { checks };
}

/** What the FRUS markup states: ID from its year, the sender's post and the telegram number; local date-time; source-note classification. */
function frusChecks(row: Row, model: CableModel): { checks: Check[]; wrongId?: string } {
  const file = row.file!;
  const year = Number(row.date_when!.slice(0, 4));
  const id = cableId(year, row.sender_post_for_id!, row.telegram_number!);
  const checks: Check[] = [{ file, field: 'id', expected: id, actual: model.id }];
  checks.push({ file, field: 'date', expected: row.date_when!.slice(0, 16), actual: model.date });
  const level = row.classification_and_handling_from_source_note!.split(';')[0]!.trim().toUpperCase();
  checks.push({ file, field: 'classification', expected: level, actual: model.classification });
  return model.id && model.id !== id ? { checks, wrongId: `${file}: ${model.id} for ${id}` } : { checks };
}

function readForm(form: 'plusd' | 'frus'): { checks: Check[]; wrongIds: string[]; files: number } {
  const dir = formDir(form);
  const checks: Check[] = [];
  const wrongIds: string[] = [];
  const metadata = rows(dir);
  for (const row of metadata) {
    const raw = readFileSync(join(dir, row.file!), 'utf8');
    const text = row.file!.endsWith('.xml') ? frusText(raw) : raw;
    const model = parseCable(text, { fileName: row.file! });
    const result = form === 'plusd' ? plusdChecks(row, model) : frusChecks(row, model);
    checks.push(...result.checks);
    if (result.wrongId) wrongIds.push(result.wrongId);
  }
  return { checks, wrongIds, files: metadata.length };
}

for (const form of ['plusd', 'frus'] as const) {
  describe(`the model over ${form} cables (${formDir(form)})`, () => {
    const { checks, wrongIds, files } = readForm(form);

    it('has a text for every metadata row', () => {
      const texts = readdirSync(formDir(form)).filter((f) => /\.(txt|xml)$/.test(f));
      assert.equal(texts.length, files);
    });

    it('never gives a wrong ID', () => {
      assert.deepEqual(wrongIds, []);
    });

    it('gets at least 95% of the fields the metadata gives, and the listed exceptions are still exceptions', () => {
      const failed = checks.filter((c) => !isDeepStrictEqual(c.expected, c.actual));
      const unlisted = failed
        .filter((c) => !EXCEPTIONS[c.file]?.[c.field])
        .map((c) => `${c.file} ${c.field}: ${JSON.stringify(c.actual)}, metadata ${JSON.stringify(c.expected)}`);
      assert.deepEqual(unlisted, []);
      const stale = Object.entries(EXCEPTIONS).flatMap(([file, fields]) =>
        Object.keys(fields)
          .filter(
            (field) =>
              checks.some((c) => c.file === file && c.field === field) && !failed.some((c) => c.file === file && c.field === field),
          )
          .map((field) => `${file} ${field}`),
      );
      assert.deepEqual(stale, [], 'listed as exceptions but now right: take them off the list');
      const right = checks.length - failed.length;
      console.log(
        `# ${form}: ${right} of ${checks.length} fields right (${((100 * right) / checks.length).toFixed(1)}%) over ${files} files`,
      );
      assert.ok(right >= 0.95 * checks.length, `${right} of ${checks.length}`);
    });
  });
}
