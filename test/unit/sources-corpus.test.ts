// The distribution forms over every real file of ../shared/corpus/other-forms/{html,csv,other}:
// ID, date to the minute, classification and TAGS against the metadata each source states, and
// `cable import` of the same files writing cables whose parse gives the same fields.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toRecord, toSourceRecord, type CableRecord, type SourceRecordFields } from '../../server/src/cli/json-record.ts';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { importCables } from '../../server/src/node/import-cables.ts';
import { readSourceFile } from '../../server/src/node/source-stream.ts';
import { parseSourceDate } from '../../server/src/sources/source-dates.ts';
import { sourceParseContext } from '../../server/src/sources/source-forms.ts';
import { isCableText } from '../../server/src/workspace/cable-detection.ts';

const OTHER_FORMS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'other-forms');
const FOLDERS = ['html', 'csv', 'other'];

type Record = CableRecord & SourceRecordFields;
type Field = 'id' | 'date' | 'classification' | 'tags';

/** What a source's metadata.jsonl row says of each field, in the record's terms. */
interface Truth {
  file: string;
  id?: string;
  /** ISO date; `precision` says how much of it the source gets right. */
  date?: string;
  precision?: 'minute' | 'hour' | 'day';
  classification?: string;
  tags?: string[];
}

/** `1973STATE097844` and `73STATE97844` are one ID. */
function normalId(id: string): string {
  return id
    .toUpperCase()
    .replace(/^\d{2}(\d{2})(?=[A-Z])/, '$1')
    .replace(/^(\d{2}[A-Z]+?)0+(?=\d)/, '$1');
}

function truthOf(folder: string, row: { [key: string]: unknown }): Truth {
  const s = (key: string) => (typeof row[key] === 'string' && row[key] ? (row[key] as string) : undefined);
  const file = s('file')!;
  const t: Truth = { file };
  if (folder === 'html' && s('canonical_id')) {
    Object.assign(t, {
      id: s('id'),
      date: parseSourceDate(s('date_display')!),
      precision: 'minute',
      classification: s('original_classification'),
    });
    t.tags = s('tags')!
      .replace(/\([^)]*\)/g, '')
      .split(/[,\s]+/)
      .filter(Boolean);
  } else if (folder === 'html') {
    // The viewer's `Created` minute repeats the hour (README there): right to the hour only.
    Object.assign(t, {
      id: s('id'),
      date: parseSourceDate(s('created')!),
      precision: 'hour',
      classification: s('classification'),
      tags: row['tags_links'] as string[],
    });
  } else if (folder === 'csv') {
    Object.assign(t, { id: s('refid'), date: parseSourceDate(s('date')!), precision: 'minute', classification: s('classification') });
  } else if (s('subform') === 'json1980s90s') {
    Object.assign(t, {
      id: s('id_derived'),
      date: parseSourceDate(s('date_time')!),
      precision: 'minute',
      classification: s('classification'),
    });
  } else if (s('subform') === 'json2010release') {
    Object.assign(t, { id: s('id'), date: parseSourceDate(s('date_time')!), precision: 'hour', classification: s('classification') });
  } else if (s('subform') === 'alxtxt') {
    Object.assign(t, { id: s('id'), date: parseSourceDate(s('date')!), precision: 'day', classification: s('classification') });
  } else if (s('subform') === 'foiaocr') {
    const id = s('cable_id_in_text')?.split(' ')[0];
    if (id && /^\d{2}[A-Z]+\d+$/.test(id)) t.id = id;
    t.tags = s('tags_in_text')
      ?.replace(/\([^)]*\)/g, '')
      .split(/[,\s]+/)
      .filter(Boolean);
  }
  return t;
}

function sameDate(actual: string | null, expected: string, precision: Truth['precision']): boolean {
  if (!actual) return false;
  const length = precision === 'day' ? 10 : precision === 'hour' ? 13 : 16;
  return actual.slice(0, length) === expected.slice(0, length);
}

/** Fields the sources give that are not read right, with the reason (file → field → reason). */
const EXPECTED_MISSES: { [file: string]: { [field in Field]?: string } } = {
  '88BAGHDAD28.html': { classification: 'the page holds another cable (a 2009 State cable, SECRET); its table describes 88BAGHDAD28' },
  '00HARARE5461.html': { tags: 'the text says ZANU-PF; the page links it as two tags, ZANU and PF' },
  '02BOGOTA3281.html': {
    classification:
      'a NOFORN caption stands below SUBJECT and paragraph 1 is (S/NF): the model writes SECRET//NOFORN, as WikiLeaks does for such captions across the Cablegate corpus; this page says SECRET',
  },
};

async function recordsOf(path: string): Promise<Record[]> {
  const records: Record[] = [];
  for await (const item of readSourceFile(path)) {
    if ('message' in item || 'note' in item) continue;
    if (item.form === 'text') records.push(toRecord(path, parseCable(item.text, { fileName: path })));
    else records.push(toSourceRecord(path, item, parseCable(item.text, sourceParseContext(item))));
  }
  return records;
}

const present = existsSync(join(OTHER_FORMS, 'html', 'metadata.jsonl'));

describe('distribution forms over the shared corpus (other-forms)', { skip: !present && 'no ../shared/corpus/other-forms' }, () => {
  it('reads ID, date, classification and TAGS right for ≥ 95% of the fields the sources give, and no wrong ID', async () => {
    let given = 0;
    let right = 0;
    const misses: string[] = [];
    const wrongIds: string[] = [];
    const explained: string[] = [];
    for (const folder of FOLDERS) {
      const rows = readFileSync(join(OTHER_FORMS, folder, 'metadata.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      for (const row of rows) {
        const truth = truthOf(folder, row);
        const records = await recordsOf(join(OTHER_FORMS, folder, truth.file));
        assert.equal(records.length, 1, `${truth.file}: one cable`);
        const record = records[0]!;
        const check = (field: Field, ok: boolean, detail: string) => {
          given++;
          if (ok) right++;
          else if (!EXPECTED_MISSES[truth.file]?.[field]) misses.push(`${truth.file} ${field}: ${detail}`);
          else explained.push(`${truth.file} ${field}`);
        };
        if (truth.id) {
          const ok = record.id !== null && normalId(record.id) === normalId(truth.id);
          check('id', ok, `${record.id} for ${truth.id}`);
          if (!ok && record.id !== null) wrongIds.push(`${truth.file}: ${record.id} for ${truth.id}`);
        }
        if (truth.date) check('date', sameDate(record.date, truth.date, truth.precision), `${record.date} for ${truth.date}`);
        if (truth.classification)
          check(
            'classification',
            record.classification?.toUpperCase() === truth.classification.toUpperCase(),
            `${record.classification} for ${truth.classification}`,
          );
        if (truth.tags) {
          const codes = new Set(record.tags.map((tag) => tag.code));
          check(
            'tags',
            truth.tags.every((code) => codes.has(code)),
            `${[...codes].join(' ')} for ${truth.tags.join(' ')}`,
          );
        }
      }
    }
    const share = right / given;
    console.log(
      `other-forms: ${right} of ${given} fields right (${(share * 100).toFixed(1)}%); ${Object.keys(EXPECTED_MISSES).length} files with known misses; unexplained: ${misses.length ? misses.join('; ') : 'none'}`,
    );
    assert.deepEqual(wrongIds, []);
    assert.deepEqual(misses, [], 'fields not read that EXPECTED_MISSES does not explain');
    const listed = Object.entries(EXPECTED_MISSES).flatMap(([file, fields]) => Object.keys(fields).map((field) => `${file} ${field}`));
    assert.deepEqual(explained.sort(), listed.sort(), 'EXPECTED_MISSES lists only fields still missed');
    assert.ok(share >= 0.95, `${(share * 100).toFixed(1)}% of fields right`);
  });

  it('cable import writes cables whose parse gives the fields the source text gave', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cable-import-corpus-'));
    try {
      for (const folder of FOLDERS) {
        const files = readFileSync(join(OTHER_FORMS, folder, 'metadata.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => join(OTHER_FORMS, folder, JSON.parse(line).file as string));
        const folderOut = join(out, folder);
        const summary = await importCables(files, { out: folderOut });
        for (const file of files) {
          for (const source of await recordsOf(file)) {
            if (!source.id) continue; // not imported: no ID (the 2000 FOIA form has no cable number), reported by the import
            const imported = [`${source.id}.txt`, `${source.id}.cable`]
              .map((name) => join(folderOut, name))
              .find((path) => existsSync(path))!;
            // Every imported file is a cable to the editor and the index: a `.cable`, or a `.txt` the detector takes.
            assert.ok(imported.endsWith('.cable') || isCableText(readFileSync(imported, 'utf8')), `${imported} is not detected as a cable`);
            const copy = toRecord(imported, parseCable(readFileSync(imported, 'utf8'), { fileName: imported }));
            for (const field of ['id', 'date', 'classification', 'subject', 'precedence', 'tags', 'references', 'paragraphs'] as const) {
              if (source.sources?.[field as keyof NonNullable<Record['sources']>]) continue; // given by the page or row, not the text
              assert.deepEqual(copy[field], source[field], `${file}: ${field}`);
            }
          }
        }
        assert.equal(summary.conflicts.length, 0, JSON.stringify(summary.conflicts));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
