// The distribution forms on the vendored samples and on bad input: rows streamed across any chunk
// boundary, forms told by content, clear messages for what holds no cable, and an import that
// never overwrites and finishes an interrupted job.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { importCables } from '../../server/src/node/import-cables.ts';
import { readSourceFile, type SourceItem } from '../../server/src/node/source-stream.ts';
import { CablesCsvReader } from '../../server/src/sources/cables-csv.ts';
import { readJsonExportLine } from '../../server/src/sources/json-export.ts';
import { unglueBanner } from '../../server/src/sources/metadata-export.ts';
import type { SourceCable } from '../../server/src/sources/source-types.ts';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sources');
const CSV = join(FIXTURES, 'cables.csv');
const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'cable.js');

async function itemsOf(path: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSourceFile(path)) items.push(item);
  return items;
}

function scratch(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-sources-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const isCable = (item: SourceItem): item is SourceCable => 'metadata' in item;
const messages = (items: SourceItem[]) => items.filter((item) => 'message' in item).map((item) => (item as { message: string }).message);

describe('cables.csv', () => {
  it('gives the same rows whatever the chunks, with each row’s first line', () => {
    const text = readFileSync(CSV, 'utf8');
    const whole = new CablesCsvReader();
    const rows = [...whole.push(text), ...whole.end()].filter(isCable);
    assert.deepEqual(
      rows.map((row) => [row.metadata.id, row.row, row.line]),
      [
        ['85BEIRUT992', 1, 0],
        ['85BEIRUT1013', 2, text.slice(0, text.indexOf('"32"')).split('\n').length - 1],
      ],
    );
    assert.match(rows[1]!.text, /^O 191237Z FEB 85\nFM AMEMBASSY BEIRUT\n/);
    assert.match(rows[1]!.text, /FURTHER ON HIZBALLAH "MANIFESTO"/); // `\"` unescaped
    for (const size of [1, 7, 4096]) {
      const reader = new CablesCsvReader();
      const pieces: SourceItem[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(...reader.push(text.slice(i, i + size)));
      pieces.push(...reader.end());
      assert.deepEqual(pieces, rows, `chunks of ${size}`);
    }
  });

  it('streams a JSON-lines export across chunks, one cable a line', async (t) => {
    const line = readFileSync(join(FIXTURES, 'json2010release-07STATE152317.json'), 'utf8').trim();
    const file = join(scratch(t), 'export.json');
    // Over a 1 MB chunk, so that lines are cut between chunks.
    writeFileSync(file, Array.from({ length: 200 }, () => line).join('\n'));
    const cables = (await itemsOf(file)).filter(isCable);
    assert.equal(cables.length, 200);
    assert.deepEqual(new Set(cables.map((cable) => cable.metadata.id)), new Set(['07STATE152317']));
    assert.deepEqual(
      cables.slice(0, 2).map((cable) => cable.row),
      [1, 2],
    );
  });

  it('puts a dateline glued to the banner of a JSON body back on its own line', () => {
    const line = JSON.stringify({
      _id: '08RPODUBAI49',
      date_time: '2008-10-23 09:09',
      classification: 'SECRET',
      body: 'Thursday, 23 October 2008, 09:20S E C R E T SECTION 01 OF 03 RPO DUBAI 000049 SIPDIS',
    });
    const cable = readJsonExportLine(line, 0);
    assert.ok(isCable(cable));
    assert.equal(cable.text, 'Thursday, 23 October 2008, 09:20\nS E C R E T SECTION 01 OF 03 RPO DUBAI 000049 SIPDIS');
  });

  it('stops at a row that is no cables.csv row, whatever its size', () => {
    const reader = new CablesCsvReader();
    const items = [...reader.push('"1","x",' + 'a,'.repeat(100) + '\n'), ...reader.push('b'.repeat(17 * 1024 * 1024))];
    assert.match(messages(items)[0]!, /a row of over 64 columns: not a cables\.csv row/);
    const unquoted = new CablesCsvReader();
    const long = [...unquoted.push('"1",'), ...unquoted.push('c'.repeat(17 * 1024 * 1024))];
    assert.match(messages(long)[0]!, /an unquoted field runs over 16 MB/);
  });

  it('reads RFC 4180 `""` escapes and CRLF line ends', () => {
    const reader = new CablesCsvReader();
    const [row] = [...reader.push('"1","1/2/1985 10:00","85X1","E","SECRET","","H\r\n","say ""hi""\r\n"\r\n'), ...reader.end()];
    assert.ok(row && isCable(row));
    assert.equal(row.text, 'H\r\nsay "hi"\r\n');
  });

  it('says a truncated file or an unbalanced quote ends the reading, keeping the rows before', async (t) => {
    const text = readFileSync(CSV, 'utf8');
    const dir = scratch(t);
    const truncated = join(dir, 'truncated.csv');
    writeFileSync(truncated, text.slice(0, text.length - 200));
    const items = await itemsOf(truncated);
    assert.deepEqual(
      items.filter(isCable).map((row) => row.metadata.id),
      ['85BEIRUT992'],
    );
    assert.match(messages(items)[0]!, /^row 2 \(line \d+\): the file ends inside a quoted field \(truncated, or an unbalanced quote\)/);
    const unbalanced = join(dir, 'unbalanced.csv');
    writeFileSync(
      unbalanced,
      text.replace('"Embassy Beirut","UNCLASSIFIED","85BEIRUT992"', '"Embassy Beirut","UNCLASSIFIED"x"85BEIRUT992"'),
    );
    const second = await itemsOf(unbalanced);
    assert.equal(second.filter(isCable).length, 1);
    assert.match(messages(second)[0]!, /^row 2 \(line \d+\): a quoted field is followed by "x" instead of a comma/);
  });
});

describe('forms told by content', () => {
  it('reads a page, a CSV and an export whatever their names', async (t) => {
    const dir = scratch(t);
    for (const [name, source, id] of [
      ['page.txt', '08BRASILIA93.html', '08BRASILIA93'],
      ['rows.dat', 'cables.csv', '85BEIRUT992'],
      ['export', 'alxtxt-90MANAMA4053.txt', '90MANAMA4053'],
      ['line.txt', 'json2010release-07STATE152317.json', '07STATE152317'],
      ['release.txt', 'foiaocr-96STATE258843-C06698368.txt', '96STATE258843'],
    ]) {
      writeFileSync(join(dir, name!), readFileSync(join(FIXTURES, source!)));
      const [first] = (await itemsOf(join(dir, name!))).filter(isCable);
      assert.equal(first?.metadata.id, id, name);
    }
  });

  it('restores a Cablegate page’s line breaks and a PlusD page’s raw content', async (t) => {
    const [page] = (await itemsOf(join(FIXTURES, '08BRASILIA93.html'))).filter(isCable);
    assert.match(page!.text, /^O 151856Z JAN 08\nFM AMEMBASSY BRASILIA\n/);
    assert.match(page!.text, /\nTAGS: MASSMNUC NPT PARM PREL\nSUBJECT: BRAZIL'S NUCLEAR SUBMARINE AMBITIONS \n\n¶1\. \(U\)/);
    assert.deepEqual(page!.metadata, {
      id: '08BRASILIA93',
      date: '2008-01-15T18:06Z',
      classification: 'CONFIDENTIAL',
      origin: 'Embassy Brasilia',
      tags: ['MASSMNUC', 'NPT', 'PARM', 'PREL'],
    });
    // The 2010 template wrote line breaks as such: the same cable.
    const file2010 = join(scratch(t), 'page-2010.html');
    writeFileSync(file2010, readFileSync(join(FIXTURES, '08BRASILIA93.html'), 'utf8').replace(/&#x000A;/g, '\n'));
    const page2010 = (await itemsOf(file2010)).filter(isCable);
    assert.deepEqual(
      page2010.map((cable) => cable.text),
      [page!.text],
    );
    const [plusd] = (await itemsOf(join(FIXTURES, '1974ATHENS02959_b.html'))).filter(isCable);
    assert.equal(plusd!.metadata.id, '74ATHENS2959');
    assert.deepEqual(plusd!.metadata.tags, ['PINS', 'GR']);
    assert.match(plusd!.text, /REF: STATE -097844/);
  });

  it('reads a FOIA printout’s header printed after its body', async () => {
    const [release] = (await itemsOf(join(FIXTURES, 'foiaocr-96STATE258843-C06698368.txt'))).filter(isCable);
    assert.deepEqual(release!.metadata, { id: '96STATE258843', date: '1996-12-20T02:26Z', tags: ['RO', 'PREL', 'OSCE', 'NATO'] });
    assert.equal(release!.text, readFileSync(join(FIXTURES, 'foiaocr-96STATE258843-C06698368.txt'), 'utf8'));
  });

  it('reads labelled metadata lines before the cable, and not a mail header', async (t) => {
    const alx = readFileSync(join(FIXTURES, 'alxtxt-90MANAMA4053.txt'), 'utf8').split('\n').slice(5).join('\n');
    const dir = scratch(t);
    writeFileSync(
      join(dir, 'labelled.txt'),
      `Reference ID: 90MANAMA4053\nSubject: TFKU01:  IRAQI BEHAVIOR IN KUWAIT\nCreated: 1990-08-21 13:32\nClassification: UNCLASSIFIED\nTAGS: PREL, US, IZ\n${alx}`,
    );
    const [labelled] = await itemsOf(join(dir, 'labelled.txt'));
    assert.ok(labelled && isCable(labelled));
    assert.deepEqual(labelled.metadata, {
      id: '90MANAMA4053',
      subject: 'TFKU01:  IRAQI BEHAVIOR IN KUWAIT',
      date: '1990-08-21T13:32Z',
      classification: 'UNCLASSIFIED',
      tags: ['PREL', 'US', 'IZ'],
    });
    assert.equal(labelled.line, 5);
    assert.match(labelled.text, /^O 211332Z AUG 90\n[\s\S]*IMMEDIATE 2535\nUNCLAS MANAMA 04053 \n/);
    writeFileSync(join(dir, 'mail.txt'), `Date: 1990-08-21 13:32\nSubject: Fwd: cable\nTo: desk\n${alx}`);
    assert.deepEqual(
      (await itemsOf(join(dir, 'mail.txt'))).map((item) => 'form' in item && item.form),
      ['text'],
    );
  });

  it('puts a banner glued to the last address line back on its own line', () => {
    assert.equal(
      unglueBanner('FM AMEMBASSY MANAMA\nSECSTATE WASHDC IMMEDIATE 2535UNCLAS MANAMA 04053 \n\nBODY'),
      'FM AMEMBASSY MANAMA\nSECSTATE WASHDC IMMEDIATE 2535\nUNCLAS MANAMA 04053 \n\nBODY',
    );
    assert.equal(
      unglueBanner('INFO AMEMBASSY TOKYO C O N F I D E N T I A L SECTION 01 OF 02 STATE 012345\n'),
      'INFO AMEMBASSY TOKYO\nC O N F I D E N T I A L SECTION 01 OF 02 STATE 012345\n',
    );
    assert.equal(unglueBanner('TO SECSTATE WASHDC\n\nSECRET is a word here 12'), 'TO SECSTATE WASHDC\n\nSECRET is a word here 12');
  });

  it('gives a clear message for a page with no cable, a binary file, and reads UTF-16 and Windows-1252', async (t) => {
    const dir = scratch(t);
    const write = (name: string, data: string | Buffer) => (writeFileSync(join(dir, name), data), join(dir, name));
    assert.deepEqual(messages(await itemsOf(write('empty.html', '<!DOCTYPE html><html><body><p>Nothing</p></body></html>'))), [
      'an HTML page that holds no cable (neither a WikiLeaks cable page nor a PlusD page)',
    ]);
    assert.deepEqual(messages(await itemsOf(write('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))), [
      'is a binary file, not cable text',
    ]);
    assert.deepEqual(messages(await itemsOf(write('cables.csv.gz', gzipSync(readFileSync(CSV))))), [
      'is a binary file, not cable text (gzip-compressed: unpack it first)',
    ]);
    const csv = readFileSync(CSV, 'utf8');
    const utf16 = await itemsOf(write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])));
    assert.deepEqual(
      utf16.filter(isCable).map((row) => row.metadata.id),
      ['85BEIRUT992', '85BEIRUT1013'],
    );
    const latin1 = await itemsOf(write('latin1.csv', Buffer.from(csv.replace('HIZBALLAH', 'HIZBALLAH\u00e9'), 'latin1')));
    assert.deepEqual(
      latin1.filter((item) => 'note' in item),
      [{ note: 'not UTF-8 from byte 0: read as Windows-1252' }],
    );
    assert.ok(latin1.filter(isCable).some((row) => row.text.includes('HIZBALLAHé')));
  });
});

describe('import', () => {
  it('writes each cable once, never overwrites a different file, and finishes an interrupted job', async (t) => {
    const out = join(scratch(t), 'out');
    const sources = [CSV, join(FIXTURES, '08BRASILIA93.html')];
    const dry = await importCables(sources, { out, dryRun: true });
    assert.equal(dry.written, 3);
    assert.throws(() => readdirSync(out), /ENOENT/);
    // An interrupted run: one file written, the next cut short mid-write.
    const first = await importCables([CSV], { out, isCancelled: () => true });
    assert.deepEqual([first.written, first.cancelled], [1, true]);
    writeFileSync(join(out, '85BEIRUT1013.txt'), 'O 191237Z FEB 85\nFM AMEMB');
    writeFileSync(join(out, '08BRASILIA93.txt'), 'my own notes');
    const second = await importCables(sources, { out });
    assert.deepEqual([second.written, second.identical, second.conflicts.map((c) => c.id)], [1, 1, ['08BRASILIA93']]);
    assert.equal(readFileSync(join(out, '08BRASILIA93.txt'), 'utf8'), 'my own notes');
    assert.deepEqual(readdirSync(out).sort(), ['08BRASILIA93.txt', '85BEIRUT1013.txt', '85BEIRUT992.txt']);
    assert.match(readFileSync(join(out, '85BEIRUT1013.txt'), 'utf8'), /^O 191237Z FEB 85\nFM AMEMBASSY BEIRUT\n[\s\S]*REF: {2}BEIRUT 992/);
  });

  it('runs from the command line with a summary on stderr, and parse reads each row', (t) => {
    const out = join(scratch(t), 'out');
    const run = spawnSync(process.execPath, [CLI, 'import', CSV, join(FIXTURES, 'alxtxt-90MANAMA4053.txt'), '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /cable import: 3 cables found, 3 written, 0 already there, 0 conflicts, 0 problems in [\d.]+ s/);
    const again = spawnSync(process.execPath, [CLI, 'import', CSV, '--out', out], { encoding: 'utf8' });
    assert.match(again.stderr, /2 cables found, 0 written, 2 already there/);
    const parsed = spawnSync(process.execPath, [CLI, 'parse', '-'], { encoding: 'utf8', input: readFileSync(CSV) });
    const records = parsed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      records.map((r) => [r.id, r.source.row, r.source.form]),
      [
        ['85BEIRUT992', 1, 'cables-csv'],
        ['85BEIRUT1013', 2, 'cables-csv'],
      ],
    );
    assert.deepEqual(
      records[1].references.map((r: { id: string }) => r.id),
      ['85BEIRUT992'],
    );
    // As the README says: line n of a row's record is line source.line + n - 1 of the file, and line n of the imported file.
    const ref = records[1].references[0];
    assert.equal(readFileSync(CSV, 'utf8').split('\n')[records[1].source.line + ref.line - 2], 'REF:  BEIRUT 992 ');
    assert.equal(readFileSync(join(out, '85BEIRUT1013.txt'), 'utf8').split('\n')[ref.line - 1], 'REF:  BEIRUT 992 ');
    const bad = spawnSync(process.execPath, [CLI, 'import', CSV], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--out DIR is required/);
  });
});
