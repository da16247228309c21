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

test("the seed cable's TAGS resolve with kind and meaning", () => {
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
  const pins = lookupTag('PINS');
  assert.equal(pins?.meaning, 'National Security');
  assert.equal(pins?.verified, false);
  assert.equal(pins?.source, 'unverified');
  assert.match(pins?.listedIn ?? '', /subject-tags\.txt/);
  assert.equal(pins?.category, 'Political Affairs');
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
  assert.deepEqual([ocon?.kind, ocon?.meaning, ocon?.takesPersonName], ['subject', 'Conferences and Meetings', true]);
});

test('person tags are marked as taking a name', () => {
  for (const code of ['OVIP', 'OREP', 'OEXC', 'OTRA', 'OCON']) assert.equal(lookupTag(code)?.takesPersonName, true, code);
  assert.equal(lookupTag('PGOV')?.takesPersonName, undefined);
});

test('a code in two tables: the table order decides, the other row comes along', () => {
  const al = lookupTag('AL');
  assert.deepEqual([al?.kind, al?.meaning], ['geographic', 'ALBANIA']);
  assert.deepEqual(
    al?.alsoListedAs?.map((row) => row.kind),
    ['organization'],
  );
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
  assert.deepEqual(
    b?.otherAuthorities?.map((row) => row.authority),
    ['E.O. 12958 as amended'],
  );
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

test('the script refuses a sourced TAGS row that would replace a meaning or change a category', { skip: NO_REFERENCE }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-reference-'));
  try {
    const out = join(scratch, 'reference.json');
    const sourced = join(scratch, 'tags-sourced.tsv');
    const header = 'table\tcode\tmeaning\tcategory\tsource\n';
    writeFileSync(sourced, header + 'subject\tPGOV\tGovernment\t\tTAGS handbook 1974\n');
    const replaced = runScript([referenceDir, '--out', out, '--sourced', sourced]);
    assert.equal(replaced.status, 1);
    assert.match(replaced.stderr, /tags-sourced\.tsv:2: subject tag PGOV already has a meaning/);
    writeFileSync(sourced, header + 'subject\tPROP\tPropaganda\tOperations\tTAGS handbook 1974\n');
    const recategorized = runScript([referenceDir, '--out', out, '--sourced', sourced]);
    assert.equal(recategorized.status, 1);
    assert.match(recategorized.stderr, /tags-sourced\.tsv:2: PROP would change the category the tables give/);
    writeFileSync(sourced, header + 'subject\tPFOR\tForeign Policy and Relations\tPolitical Affairs\n');
    const unsourced = runScript([referenceDir, '--out', out, '--sourced', sourced]);
    assert.equal(unsourced.status, 1);
    assert.match(unsourced.stderr, /tags-sourced\.tsv:2: expected 5 tab-separated cells, found 4/);
    assert.equal(existsSync(out), false, 'no output is written on failure');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a sourced meaning fills a listed code, keeps where the code was listed, and leaves no unverified row', () => {
  const pfor = lookupTag('PFOR');
  assert.deepEqual(
    [pfor?.kind, pfor?.category, pfor?.meaning, pfor?.verified],
    ['subject', 'Political Affairs', 'Foreign Policy and Relations', true],
  );
  assert.match(pfor?.source ?? '', /TL:TAGS-1, 6-28-74.*search\.wikileaks\.org\/plusd/);
  const tspa = lookupTag('TSPA');
  assert.deepEqual([tspa?.meaning, tspa?.verified, tspa?.category], ['Space Activities', true, 'Technology and Science']);
  assert.match(tspa?.listedIn ?? '', /subject-tags\.txt/);
  assert.equal(lookupTag('OCON')?.takesPersonName, true, 'a filled row keeps what the tables say of it');
  assert.deepEqual([lookupTag('GW')?.kind, lookupTag('GW')?.meaning], ['geographic', 'Germany (West)']);
  assert.deepEqual([lookupTag('XX')?.category, lookupTag('XX')?.meaning], ['region', 'Worldwide']);
  const ovip = lookupTag('OVIP');
  assert.deepEqual([ovip?.meaning, ovip?.verified], ['Visits and Travel of Prominent Individuals and Leaders', true]);
  assert.match(ovip?.source ?? '', /Central Foreign Policy File, 1973-1979/);
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
  t.diagnostic(
    `listed in a table: ${listed.length}/${byCount.length} distinct (${pct(listed.length, byCount.length)}), ${sum(listed)}/${total} occurrences (${pct(sum(listed), total)})`,
  );
  t.diagnostic(
    `with a meaning: ${withMeaning.length}/${byCount.length} distinct (${pct(withMeaning.length, byCount.length)}), ${sum(withMeaning)}/${total} occurrences (${pct(sum(withMeaning), total)})`,
  );
  t.diagnostic(`with a sourced meaning: ${verified.length} distinct, ${sum(verified)} occurrences (${pct(sum(verified), total)})`);
  const unknown = byCount.filter(([code]) => !lookupTag(code));
  t.diagnostic(`unknown: ${unknown.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  const noMeaning = listed.filter(([code]) => !lookupTag(code)?.meaning);
  t.diagnostic(`listed without a meaning: ${noMeaning.map(([code, n]) => `${code} ${n}`).join(', ')}`);

  const mustKnow = new Set([...SEED_TAGS, ...byCount.slice(0, 30).map(([code]) => code)]);
  const missing = [...mustKnow].filter((code) => !lookupTag(code)?.meaning);
  assert.deepEqual(missing, [], "the seed's codes and the 30 most common corpus codes all have meanings");
  assert.ok(sum(withMeaning) / total > 0.95, `only ${pct(sum(withMeaning), total)} of TAGS occurrences have a meaning`);
});

// ---------------------------------------------------------------- every code of the shared corpus

const sharedCorpusDir = resolve(repoRoot, '../shared/corpus');
const NO_SHARED_CORPUS = existsSync(join(sharedCorpusDir, 'other-forms')) ? false : `no corpus at ${sharedCorpusDir}`;

/**
 * Words that stand on a TAGS line of the corpus (or in its metadata) but are not TAGS codes, each
 * with why. Everything else found there must have a kind and a meaning in the tables.
 */
const NOT_TAGS_CODES: Record<string, string> = {
  // Drafters' free words after the codes (05ROME3585, 05ANKARA7215, 04BRUSSELS1868, 05SOFIA1207, 05TELAVIV1593, 04BRASILIA3154).
  ITALY: 'a word, not a code (05ROME3585: "IT ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM")',
  NATIONAL: 'a word (05ROME3585)',
  ELECTIONS: 'a word (05ROME3585)',
  ITALIAN: 'a word (05ROME3585)',
  POLITICS: 'a word (05ROME3585)',
  IRAQI: 'a word (05ROME3585)',
  FREEDOM: 'a word (05ROME3585)',
  POLITICAL: 'a word (05ANKARA7215: "TU POLITICAL PARTIES")',
  PARTIES: 'a word (05ANKARA7215)',
  BRUSSELS: 'the post, not a code (04BRUSSELS1868: "USEU BRUSSELS")',
  USEU: 'the mission USEU, not a code (04BRUSSELS1868: "USEU BRUSSELS")',
  ORGANIZED: 'a word (05SOFIA1207: "ORGANIZED CRIME")',
  CRIME: 'a word (05SOFIA1207)',
  EXTERNAL: 'a word (05TELAVIV1593)',
  GOI: 'an abbreviation (Government of Israel), not a code (05TELAVIV1593)',
  MIL: 'an office abbreviation, not a code (04BRASILIA3154: "POL MIL")',
  POL: 'an office abbreviation, not a code (04BRASILIA3154, 08KYIV2414)',
  // Person names written without parentheses after OVIP.
  STEINBERG: 'a person\'s name after OVIP (09BEIJING2964: "OVIP STEINBERG JAMES")',
  JAMES: "a person's name (09BEIJING2964)",
  BIDEN: "a person's name after OVIP (09SANTIAGO324)",
  JOSEPH: "a person's name (09SANTIAGO324)",
  CLINTON: "a person's name after OVIP (09STATE11937)",
  HILLARY: "a person's name (09STATE11937)",
  // WikiLeaks' second, inserted TAGS line of 00HARARE5461 runs into the body text.
  CHALLENGE: 'body text after the inserted TAGS line of 00HARARE5461 ("THE CHALLENGE, XXXXXXXXXXXX SAID, IS CONFIDENTIAL")',
  THE: 'body text (00HARARE5461)',
  SAID: 'body text (00HARARE5461)',
  CONFIDENTIAL: 'body text (00HARARE5461)',
  XXXXXXXXXXXX: 'a redaction (00HARARE5461)',
  // OCR and typing errors, each for a code the tables know.
  NARR: 'OCR of MARR (foiaocr-C06815173; its metadata says "NARR (sic, OCR of MARR)")',
  MASSMNUC: 'MASS and MNUC run together (08BRASILIA93)',
  EINDETRD: 'EIND and ETRD run together (09PARIS1267)',
  KDEMAF: 'KDEM and AF run together (09KABUL4150)',
  POGOV: 'a typing error for PGOV (09LONDON2222)',
  MOPPS: 'a typing error for MOPS (09BEIRUT818)',
  MPOS: 'a typing error for MOPS (09TELAVIV1060)',
};

/** TAGS codes on the TAGS lines of a text: `TAGS:`/`TAGS;`/`TAG:` anywhere, `TAGS ` at a line start. */
function tagLineCodes(text: string): string[] {
  const codes: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const start = /(?:^|\s)TAGS?[:;]|^\s*TAGS\s/i.exec(line);
    if (!start || line.includes('|')) return; // PlusD's metadata pane (`GR - Greece; Crete | …`) is read from its links
    let tagText = line.slice(start.index + start[0].length);
    for (const next of lines.slice(index + 1)) {
      if (
        next.trim() === '' ||
        /^\s*(?:SUBJ|REF|CLASSIFIED|E\.\s?O\.|UNCLASSIFIED|\d+\.|PAGE\b|[A-Z][A-Za-z .]{0,30}:)/i.test(next) ||
        /^\S+ \d{8} \d{3}/.test(next)
      )
        break;
      tagText += ' ' + next;
    }
    tagText = tagText.replace(/\b(?:SUBJ(?:ECT)?|REFS?)\s*[:;.].*$/is, '').replace(/SUBJECT.*$/s, '');
    for (const token of tagText.replace(/\([^)]*\)?/g, ' ').split(/[\s,;]+/)) {
      const code = token.toUpperCase().replace(/\.$/, '');
      if (/^[A-Z][A-Z0-9&'/-]*$/.test(code)) codes.push(code);
    }
  });
  return codes;
}

function decodeHtml(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The TAGS codes of one corpus file, read as its form needs. */
function corpusFileCodes(path: string): string[] {
  const raw = readFileSync(path, 'utf8');
  // A page's links to tags are its site's tag browser, not the cable's: read its TAGS line.
  if (path.endsWith('.html')) return tagLineCodes(decodeHtml(raw));
  if (path.endsWith('.json')) {
    try {
      return tagLineCodes(Object.values(JSON.parse(raw) as Record<string, unknown>).join('\n'));
    } catch {
      return tagLineCodes(raw); // four lines of the source are not valid JSON (README); read them as text
    }
  }
  return tagLineCodes(raw.replace(/\\"/g, '"'));
}

/** The TAGS codes a metadata.jsonl row states: `tags` (PlusD, json), `tags_links` (html), `tags_in_text` (FOIA). */
function metadataCodes(row: Record<string, unknown>): string[] {
  const values = ['tags', 'tags_links', 'tags_in_text'].flatMap((field) => {
    const value = row[field];
    if (Array.isArray(value)) return value.map(String);
    return typeof value === 'string' ? value.replace(/\([^)]*\)/g, ' ').split(/[\s,]+/) : [];
  });
  return values.map((token) => token.toUpperCase()).filter((token) => /^[A-Z][A-Z0-9-]*$/.test(token));
}

/** Every TAGS code of ../shared/corpus with the files it is found in. */
function sharedCorpusCodes(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (code: string, where: string) => found.set(code, (found.get(code) ?? new Set()).add(where));
  const folders = [
    'cablegate/plain',
    'cablegate/markdown-style',
    ...['plusd', 'html', 'csv', 'frus', 'other'].map((form) => `other-forms/${form}`),
  ];
  for (const folder of folders) {
    for (const name of readdirSync(join(sharedCorpusDir, folder)).sort()) {
      const path = join(sharedCorpusDir, folder, name);
      if (name === 'metadata.jsonl') {
        for (const line of readFileSync(path, 'utf8')
          .split('\n')
          .filter((l) => l.trim())) {
          const row = JSON.parse(line) as Record<string, unknown>;
          for (const code of metadataCodes(row)) add(code, `${folder}/metadata.jsonl (${String(row.file)})`);
        }
      } else if (/\.(?:txt|cable|html|csv|json|xml)$/.test(name)) {
        for (const code of corpusFileCodes(path)) add(code, `${folder}/${name}`);
      }
    }
  }
  return found;
}

test('every TAGS code in ../shared/corpus has a kind and a meaning, or is listed as not a code', { skip: NO_SHARED_CORPUS }, (t) => {
  const found = sharedCorpusCodes();
  const codes = [...found.keys()].sort();
  const withoutMeaning = codes.filter((code) => !(code in NOT_TAGS_CODES) && !lookupTag(code)?.meaning);
  const sourced = codes.filter((code) => lookupTag(code)?.meaning && lookupTag(code)?.verified);
  const unverified = codes.filter((code) => lookupTag(code)?.meaning && !lookupTag(code)?.verified);
  t.diagnostic(
    `${codes.length} distinct codes; sourced meaning ${sourced.length}, unverified ${unverified.length}, not codes ${codes.filter((c) => c in NOT_TAGS_CODES).length}`,
  );
  t.diagnostic(`unverified: ${unverified.join(' ')}`);
  assert.deepEqual(
    withoutMeaning.map((code) => `${code} (${[...found.get(code)!].slice(0, 2).join(', ')})`),
    [],
    'codes with no kind and meaning: give them a sourced row (tags-sourced.tsv) or an unverified one (unverified.tsv)',
  );
  const stale = Object.keys(NOT_TAGS_CODES).filter((word) => !found.has(word) || lookupTag(word)?.meaning);
  assert.deepEqual(stale, [], 'NOT_TAGS_CODES lists words the corpus no longer has, or codes the tables now know');
});
