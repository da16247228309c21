// The reference lookups (server/src/data/reference.ts) and the JSON they read.
// Tests that need ../shared (the reference folder, the corpus) skip with a message when it is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  lookupClassificationReason,
  lookupHeaderElement,
  lookupMarking,
  lookupPrecedence,
  lookupRoutingIndicator,
  lookupTag,
  type TagInfo,
  type TagKind,
} from '../../server/src/data/reference.ts';

const repoRoot = resolve(__dirname, '../..');
const script = join(repoRoot, 'scripts/build-reference-data.mjs');
const committedJson = join(repoRoot, 'server/src/data/reference.json');
const unverifiedTsv = join(repoRoot, 'server/src/data/unverified.tsv');
const referenceDir = resolve(repoRoot, '../shared/reference');
const corpusDir = resolve(repoRoot, '../shared/corpus/cablegate/plain');
const NO_REFERENCE = existsSync(referenceDir) ? false : `no reference folder at ${referenceDir}`;
const NO_CORPUS = existsSync(corpusDir) ? false : `no corpus at ${corpusDir}`;

/** The seed cable 09BASRAH2: `TAGS: PGOV PINS ASEC IZ IR`. */
const SEED_TAGS = ['PGOV', 'PINS', 'ASEC', 'IZ', 'IR'];

function runScript(args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

/** The row of `kind` for a code, whether it is the answer or one of `alsoListedAs`. */
function tagOfKind(code: string, kind: TagKind): TagInfo | undefined {
  const info = lookupTag(code);
  return [info, ...(info?.alsoListedAs ?? [])].find((row) => row?.kind === kind);
}

test('the seed cable\'s TAGS resolve with kind and meaning', () => {
  assert.deepEqual(
    SEED_TAGS.map((code) => {
      const info = lookupTag(code);
      return [code, info?.kind, info?.meaning, info?.verified];
    }),
    [
      ['PGOV', 'subject', 'Internal Governmental Affairs', true],
      ['PINS', 'subject', 'National Security', false],
      ['ASEC', 'subject', 'Security', true],
      ['IZ', 'geographic', 'IRAQ', true],
      ['IR', 'geographic', 'IRAN', true],
    ],
  );
  assert.equal(lookupTag('PGOV')?.category, 'Political Affairs');
  assert.match(lookupTag('PGOV')?.source ?? '', /5 FAH-3 H-111/);
  assert.equal(lookupTag('IZ')?.category, 'country');
});

test('lookupTag is case-insensitive and says undefined for an unknown code', () => {
  assert.equal(lookupTag('pgov')?.code, 'PGOV');
  assert.equal(lookupTag('  iz ')?.meaning, 'IRAQ');
  for (const unknown of ['QQQQ', 'PGOVX', '', '   ', 'TAGS:']) assert.equal(lookupTag(unknown), undefined, unknown);
  assert.equal(lookupTag(undefined as unknown as string), undefined);
});

test('unverified meanings say so and keep the table that lists the code', () => {
  const pter = lookupTag('PTER');
  assert.equal(pter?.meaning, 'Terrorists and Terrorism');
  assert.equal(pter?.verified, false);
  assert.equal(pter?.source, 'unverified');
  assert.match(pter?.listedIn ?? '', /subject-tags\.txt/);
  assert.equal(pter?.category, 'Political Affairs');
  const knnp = lookupTag('KNNP');
  assert.deepEqual([knnp?.kind, knnp?.verified, knnp?.listedIn], ['program', false, undefined]);
  // A sourced meaning stays sourced.
  assert.equal(lookupTag('KMDR')?.verified, true);
});

test('every row of unverified.tsv reaches the lookups as unverified', () => {
  const rows = readFileSync(unverifiedTsv, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t'));
  assert.ok(rows.length > 100, `only ${rows.length} rows`);
  for (const [table, code, meaning] of rows) {
    assert.ok(table && code && meaning, `incomplete row: ${[table, code, meaning].join(' | ')}`);
    let found: { meaning?: string; verified?: boolean; source?: string } | undefined;
    if (table === 'marking') found = lookupMarking(code);
    else if (table === 'classification-reason') found = lookupClassificationReason(code);
    else if (table === 'header') found = lookupHeaderElement(code)?.keyMeaning;
    else found = tagOfKind(code, table as TagKind);
    assert.deepEqual([found?.meaning, found?.verified, found?.source], [meaning, false, 'unverified'], `${table} ${code}`);
  }
});

test('a code with a row but no meaning returns its kind without a meaning', () => {
  const org = lookupTag('AAA');
  assert.equal(org?.kind, 'organization');
  assert.equal(org?.meaning, undefined);
  assert.match(org?.source ?? '', /organization-tags\.txt/);
  const ocon = lookupTag('OCON');
  assert.deepEqual([ocon?.kind, ocon?.meaning, ocon?.takesPersonName], ['subject', undefined, true]);
});

test('person tags are marked as taking a name', () => {
  for (const code of ['OVIP', 'OREP', 'OEXC', 'OTRA', 'OCON']) assert.equal(lookupTag(code)?.takesPersonName, true, code);
  assert.equal(lookupTag('PGOV')?.takesPersonName, undefined);
});

test('a code in two tables: the table order decides, the other row comes along', () => {
  const al = lookupTag('AL');
  assert.deepEqual([al?.kind, al?.meaning], ['geographic', 'ALBANIA']);
  assert.deepEqual(al?.alsoListedAs?.map((row) => row.kind), ['organization']);
  const eu = lookupTag('EU');
  assert.deepEqual([eu?.kind, eu?.meaning, eu?.verified], ['geographic', 'EUROPA ISLAND', true]);
  assert.match(eu?.alsoListedAs?.[0]?.meaning ?? '', /^European Union/);
  assert.equal(eu?.alsoListedAs?.[0]?.verified, false);
  assert.equal(lookupTag('PGOV')?.alsoListedAs, undefined);
});

test('routing indicators resolve to their stations', () => {
  const basrah = lookupRoutingIndicator('RUEHBC');
  assert.deepEqual([basrah?.indicator, basrah?.station, basrah?.verified], ['RUEHBC', 'REO BASRAH', true]);
  assert.match(basrah?.source ?? '', /ACP 117/);
  assert.equal(lookupRoutingIndicator('ruehbc')?.station, 'REO BASRAH');
  assert.deepEqual(lookupRoutingIndicator('RCCEOTT')?.stations, ['CDLS LONDON UK', 'CDLS WASHINGTON DC']);
  assert.equal(lookupRoutingIndicator('RUEHQQQ'), undefined);
});

test('markings: words, letter-spaced banners, REL TO lists', () => {
  assert.equal(lookupMarking('NOFORN')?.meaning, 'Not Releasable to Foreign Nationals');
  assert.equal(lookupMarking('C O N F I D E N T I A L')?.marking, 'CONFIDENTIAL');
  assert.equal(lookupMarking('sipdis')?.verified, true);
  assert.equal(lookupMarking('REL TO USA, FVEY')?.marking, 'REL TO');
  assert.equal(lookupMarking('(S)')?.meaning, 'portion marking: Secret');
  const nf = lookupMarking('NF');
  assert.deepEqual([nf?.verified, nf?.source], [false, 'unverified']);
  assert.match(nf?.listedIn ?? '', /no source found/);
  assert.equal(lookupMarking('BANANA'), undefined);
});

test('precedence: prosigns, digraphs and words', () => {
  assert.equal(lookupPrecedence('P')?.precedence, 'PRIORITY');
  assert.equal(lookupPrecedence('PP')?.precedence, 'PRIORITY');
  assert.equal(lookupPrecedence('flash')?.prosign, 'Z');
  assert.equal(lookupPrecedence('O')?.precedence, 'IMMEDIATE');
  const niact = lookupPrecedence('NIACT IMMEDIATE');
  assert.deepEqual([niact?.prosign, niact?.verified], [undefined, true]);
  assert.equal(lookupPrecedence('X'), undefined);
  assert.equal(lookupPrecedence('PO'), undefined);
});

test('classification reasons: spellings, executive orders, exemptions', () => {
  const b = lookupClassificationReason('1.4 (b)');
  assert.deepEqual([b?.code, b?.authority, b?.meaning], ['1.4(b)', 'E.O. 13526', 'foreign government information']);
  assert.deepEqual(b?.otherAuthorities?.map((row) => row.authority), ['E.O. 12958 as amended']);
  assert.equal(lookupClassificationReason('1.4b', 'E.O. 12958')?.authority, 'E.O. 12958 as amended');
  assert.equal(lookupClassificationReason('1.4(B)', '13526')?.authority, 'E.O. 13526');
  const old = lookupClassificationReason('1.5 (D)');
  assert.deepEqual([old?.code, old?.authority], ['1.5(d)', 'E.O. 12958 (1995 original)']);
  const x = lookupClassificationReason('25X1');
  assert.deepEqual([x?.kind, x?.verified], ['declassification exemption (25-year)', false]);
  assert.equal(lookupClassificationReason('DECL')?.kind, 'declassification instruction');
  assert.equal(lookupClassificationReason('1.4(z)'), undefined);
  assert.equal(lookupClassificationReason('1.6(b)'), undefined);
});

test('header elements by keyword and by name', () => {
  assert.equal(lookupHeaderElement('DE')?.element, 'Originator line (format line 3)');
  assert.equal(lookupHeaderElement('nnnn')?.element, 'NNNN');
  assert.equal(lookupHeaderElement('TAGS line')?.element, 'TAGS line');
  const cccc = lookupHeaderElement('CCCCC');
  assert.equal(cccc?.element, 'Security warning / operating signals (format line 4)');
  assert.match(cccc?.keyMeaning?.meaning ?? '', /CONFIDENTIAL/);
  assert.equal(cccc?.keyMeaning?.verified, false);
  assert.equal(lookupHeaderElement('ZZH')?.keyMeaning, undefined);
  assert.equal(lookupHeaderElement('BT')?.keyMeaning?.source, 'unverified');
  assert.equal(lookupHeaderElement('HELLO'), undefined);
});

test('the committed reference.json is what the script builds from ../shared/reference', { skip: NO_REFERENCE }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-reference-'));
  try {
    const out = join(scratch, 'reference.json');
    const result = runScript([referenceDir, '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(
      readFileSync(out, 'utf8') === readFileSync(committedJson, 'utf8'),
      'server/src/data/reference.json is stale: run `npm run data` and commit it',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('the script refuses bad input with a clear message', () => {
  const missing = runScript([join(tmpdir(), 'no-such-reference-folder')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^build-reference-data: reference folder not found: /);
  const option = runScript(['--bogus']);
  assert.equal(option.status, 1);
  assert.match(option.stderr, /unknown option --bogus\nusage:/);
});

test('the script refuses an unverified row that would replace a sourced meaning, and a broken table', { skip: NO_REFERENCE }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-reference-'));
  try {
    const out = join(scratch, 'reference.json');
    const override = join(scratch, 'unverified.tsv');
    writeFileSync(override, 'table\tcode\tmeaning\tgroup\nsubject\tPGOV\tGovernment\n');
    const refused = runScript([referenceDir, '--out', out, '--unverified', override]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /unverified\.tsv:2: subject tag PGOV already has a sourced meaning/);

    const broken = join(scratch, 'reference');
    cpSync(referenceDir, broken, { recursive: true });
    const markings = join(broken, 'markings.tsv');
    writeFileSync(markings, readFileSync(markings, 'utf8') + 'ORPHAN\n');
    const result = runScript([broken, '--out', out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /markings\.tsv:\d+: expected 3 tab-separated cells, found 1/);
    assert.equal(existsSync(out), false, 'no output is written on failure');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- corpus coverage

/**
 * The codes of a cable's TAGS line (`TAGS:`, `TAGS`, `Tags:`, `TAG:`; space- or comma-separated;
 * continued on following lines until a blank line, SUBJECT/REF/CLASSIFIED or a page-break line).
 * Person names in parentheses are dropped; tokens that cannot be codes (numbers) are skipped.
 */
function tagCodes(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^TAGS?\b/i.test(line));
  if (start < 0) return [];
  let tagText = lines[start]!.replace(/^TAGS?:?/i, '');
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || /^(?:SUBJ(?:ECT)?|REFS?|CLASSIFIED)\b/i.test(line) || /^\S+ \d{8} \d{3}/.test(line)) break;
    tagText += ' ' + line;
  }
  return tagText
    .replace(/\([^)]*\)?/g, ' ')
    .split(/[\s,;]+/)
    .map((token) => token.toUpperCase())
    .filter((token) => /^[A-Z][A-Z0-9&'/-]*$/.test(token));
}

test('corpus TAGS codes: how many the tables know', { skip: NO_CORPUS }, (t) => {
  const occurrences = new Map<string, number>();
  const files = readdirSync(corpusDir).filter((name) => name.endsWith('.txt'));
  for (const name of files) {
    for (const code of tagCodes(readFileSync(join(corpusDir, name), 'utf8'))) {
      occurrences.set(code, (occurrences.get(code) ?? 0) + 1);
    }
  }
  const byCount = [...occurrences].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = byCount.reduce((sum, [, n]) => sum + n, 0);
  const listed = byCount.filter(([code]) => lookupTag(code));
  const withMeaning = listed.filter(([code]) => lookupTag(code)?.meaning);
  const verified = withMeaning.filter(([code]) => lookupTag(code)?.verified);
  const sum = (rows: [string, number][]) => rows.reduce((s, [, n]) => s + n, 0);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  t.diagnostic(`${files.length} cables, ${byCount.length} distinct TAGS codes, ${total} occurrences`);
  t.diagnostic(`listed in a table: ${listed.length}/${byCount.length} distinct (${pct(listed.length, byCount.length)}), ${sum(listed)}/${total} occurrences (${pct(sum(listed), total)})`);
  t.diagnostic(`with a meaning: ${withMeaning.length}/${byCount.length} distinct (${pct(withMeaning.length, byCount.length)}), ${sum(withMeaning)}/${total} occurrences (${pct(sum(withMeaning), total)})`);
  t.diagnostic(`with a sourced meaning: ${verified.length} distinct, ${sum(verified)} occurrences (${pct(sum(verified), total)})`);
  const unknown = byCount.filter(([code]) => !lookupTag(code));
  t.diagnostic(`unknown: ${unknown.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  const noMeaning = listed.filter(([code]) => !lookupTag(code)?.meaning);
  t.diagnostic(`listed without a meaning: ${noMeaning.map(([code, n]) => `${code} ${n}`).join(', ')}`);

  const mustKnow = new Set([...SEED_TAGS, ...byCount.slice(0, 30).map(([code]) => code)]);
  const missing = [...mustKnow].filter((code) => !lookupTag(code)?.meaning);
  assert.deepEqual(missing, [], 'the seed\'s codes and the 30 most common corpus codes all have meanings');
  assert.ok(sum(withMeaning) / total > 0.95, `only ${pct(sum(withMeaning), total)} of TAGS occurrences have a meaning`);
});
