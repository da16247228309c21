// Builds server/src/data/reference.json, the server's own copy of the reference tables, from a
// reference folder (SOURCES.md, *.tsv, header-elements.md) plus server/src/data/tags-sourced.tsv
// (TAGS rows from sources read later: the 1974 TAGS handbook, NARA's CFPF FAQ, PlusD labels) and the hand-written
// server/src/data/unverified.tsv. The JSON is committed; the server never reads the folder.
//
//   node scripts/build-reference-data.mjs [referenceDir] [--out file] [--sourced file] [--unverified file]
//
// referenceDir defaults to ../shared/reference beside the repository; --out defaults to
// server/src/data/reference.json, --sourced to server/src/data/tags-sourced.tsv, --unverified to
// server/src/data/unverified.tsv. The output is deterministic: the code tables are sorted by
// code, object keys are sorted, one row per line; precedence, classification reasons and header
// elements keep the order of their source file (it carries meaning: FLASH before ROUTINE).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UNVERIFIED_FILE = join(repoRoot, 'server/src/data/unverified.tsv');
const SOURCED_TAGS_FILE = join(repoRoot, 'server/src/data/tags-sourced.tsv');
const UNVERIFIED = 'unverified';

const TAG_TABLES = {
  subject: { file: 'tags-subject.tsv', columns: ['code', 'meaning', 'category', 'source'] },
  program: { file: 'tags-program.tsv', columns: ['code', 'meaning', 'source'] },
  geographic: { file: 'tags-geographic.tsv', columns: ['code', 'name', 'kind', 'source'] },
  organization: { file: 'tags-organization.tsv', columns: ['code', 'name', 'source'] },
};

// Lookup keys for each row of header-elements.md (the table names elements in prose, so the
// words a user hovers have to be listed here). A row missing here, or a name here that the
// table no longer has, stops the build: the two must be kept in step by hand.
const HEADER_ELEMENT_KEYS = {
  'Transmission identifier (format line 1)': ['VZCZC', 'FL1'],
  'Precedence prosign + addressees (format line 2)': ['FL2'],
  'Routing indicator (RI)': ['RI'],
  'Originator line (format line 3)': ['DE', 'FL3'],
  'Security warning / operating signals (format line 4)': ['FL4', 'ZNY', 'ZNR', 'ZZH', 'CCCCC', 'SSSSS', 'UUUUU', 'EEEEE', 'TTTTT'],
  'Precedence + date-time group (format line 5)': ['FL5', 'DTG'],
  'FM / TO / INFO': ['FM', 'TO', 'INFO', 'XMT'],
  BT: ['BT'],
  NNNN: ['NNNN'],
  'Banner / classification line': ['BANNER', 'MRN'],
  Captions: ['CAPTION', 'CAPTIONS'],
  'E.O. line': ['E.O.', 'EO'],
  'TAGS line': ['TAGS', 'TAG'],
  'Classified by / Reason': ['CLASSIFIED BY', 'REASON', 'REASONS'],
  'Portion markings': ['PORTION MARKING', 'PORTION MARKINGS'],
  'Page-break line': ['PAGE BREAK', 'PAGE'],
  'Section line': ['SECTION'],
};

// The TAGS row of header-elements.md names the tags that carry a person's name.
const PERSON_TAGS_PATTERN = /\(((?:[A-Z]{4}, )*[A-Z]{4}) used with the subject's name\)/;

class ReferenceDataError extends Error {}

function fail(message) {
  throw new ReferenceDataError(message);
}

function readText(path) {
  if (!existsSync(path)) fail(`missing file: ${path}`);
  return readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
}

/**
 * Rows of a TSV file as objects; the header must name exactly `columns`. `#` lines and blank lines
 * are skipped. With `lastOptional` a row may leave out its last cell (editors strip trailing tabs).
 */
function readTsv(path, columns, { lastOptional = false } = {}) {
  const lines = readText(path).split('\n');
  const rows = [];
  let header;
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      if (header.join('\t') !== columns.join('\t')) {
        fail(`${path}: expected columns "${columns.join(', ')}", found "${header.join(', ')}"`);
      }
      return;
    }
    if (cells.length !== columns.length && !(lastOptional && cells.length === columns.length - 1)) {
      fail(`${path}:${index + 1}: expected ${columns.length} tab-separated cells, found ${cells.length}`);
    }
    const row = { line: index + 1 };
    columns.forEach((column, i) => (row[column] = (cells[i] ?? '').trim()));
    rows.push(row);
  });
  if (!header) fail(`${path}: empty file`);
  return rows;
}

/** The rows of the first markdown table in header-elements.md. */
function readHeaderElements(path) {
  const tableLines = readText(path)
    .split('\n')
    .filter((line) => line.startsWith('|'));
  const [head, rule, ...body] = tableLines;
  const columns = splitMarkdownRow(head ?? '');
  if (columns.join('|') !== 'element|example|description|source' || !/^\|[-| ]+\|$/.test(rule ?? '')) {
    fail(`${path}: expected a table with columns element, example, description, source`);
  }
  let previousSource = '';
  return body.map((line) => {
    const cells = splitMarkdownRow(line);
    if (cells.length !== 4) fail(`${path}: a table row has ${cells.length} cells, expected 4: ${line}`);
    const [element, example, description, cited] = cells;
    // "same", "(same page)", "(same copy)" point at the row above; spell it out so each row stands alone.
    const source = cited === 'same' ? previousSource : cited.replace(/\((same (?:page|copy))\)/, `($1 as ${previousSource})`);
    previousSource = source;
    return { element, example, description, source };
  });
}

function splitMarkdownRow(line) {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The bullet lines of one `## heading` section of SOURCES.md. */
function readSourceBullets(path, heading) {
  const sections = readText(path).split(/^## /m);
  const section = sections.find((s) => s.startsWith(heading));
  if (!section) fail(`${path}: no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
}

function upper(code) {
  return code.toUpperCase();
}

function byKey(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildTags(referenceDir, personTags, personTagSource, rowsRead) {
  const tags = {};
  for (const [kind, { file, columns }] of Object.entries(TAG_TABLES)) {
    const path = join(referenceDir, file);
    const byCode = new Map();
    const rows = readTsv(path, columns);
    rowsRead[file] = rows.length;
    for (const row of rows) {
      const key = upper(row.code);
      if (!key) fail(`${path}:${row.line}: empty code`);
      if (byCode.has(key)) fail(`${path}:${row.line}: code ${row.code} is listed twice`);
      const meaning = row.meaning ?? row.name;
      const category = row.category ?? row.kind;
      byCode.set(key, {
        code: row.code,
        ...(meaning ? { meaning } : {}),
        ...(category ? { category } : {}),
        source: row.source,
      });
    }
    tags[kind] = byCode;
  }
  for (const code of personTags) {
    const existing = tags.subject.get(code);
    if (existing) existing.takesPersonName = true;
    else tags.subject.set(code, { code, source: personTagSource, takesPersonName: true });
  }
  return tags;
}

function buildRoutingIndicators(referenceDir, rowsRead) {
  const path = join(referenceDir, 'routing-indicators.tsv');
  const byIndicator = new Map();
  const rows = readTsv(path, ['indicator', 'station', 'source']);
  rowsRead['routing-indicators.tsv'] = rows.length;
  // ACP 117 lists some RIs for several stations (RCCEOTT: CDLS LONDON UK, CDLS WASHINGTON DC): keep them all.
  for (const row of rows) {
    const key = upper(row.indicator);
    if (!key || !row.station) fail(`${path}:${row.line}: indicator and station are required`);
    const entry = byIndicator.get(key) ?? { indicator: key, stations: [], source: row.source };
    if (entry.source !== row.source) fail(`${path}:${row.line}: ${key} is listed with two different sources`);
    if (!entry.stations.includes(row.station)) entry.stations.push(row.station);
    byIndicator.set(key, entry);
  }
  return byIndicator;
}

function buildMarkings(referenceDir) {
  const path = join(referenceDir, 'markings.tsv');
  const byMarking = new Map();
  for (const row of readTsv(path, ['marking', 'meaning', 'source'])) {
    const key = upper(row.marking);
    if (byMarking.has(key)) fail(`${path}:${row.line}: marking ${row.marking} is listed twice`);
    byMarking.set(key, { marking: row.marking, ...(row.meaning ? { meaning: row.meaning } : {}), source: row.source });
  }
  return byMarking;
}

function buildPrecedence(referenceDir) {
  const path = join(referenceDir, 'precedence.tsv');
  return readTsv(path, ['prosign', 'precedence', 'meaning', 'source']).map((row) => {
    if (!row.precedence || !row.meaning) fail(`${path}:${row.line}: precedence and meaning are required`);
    return { ...(row.prosign ? { prosign: row.prosign } : {}), precedence: row.precedence, meaning: row.meaning, source: row.source };
  });
}

/** The 1970s codes (E.O. 11652's GDS and XGDS-n) with the sources they were written from. */
const SOURCED_REASONS_FILE = join(repoRoot, 'server/src/data/classification-reasons-sourced.tsv');

function buildClassificationReasons(referenceDir) {
  const path = join(referenceDir, 'classification-reasons.tsv');
  const seen = new Set();
  const rows = [
    ...readTsv(path, ['code', 'authority', 'kind', 'meaning', 'source']),
    ...readTsv(SOURCED_REASONS_FILE, ['code', 'authority', 'kind', 'meaning', 'source']),
  ];
  return rows.map((row) => {
    const id = `${row.code}\t${row.authority}`;
    if (seen.has(id)) fail(`${path}:${row.line}: ${row.code} (${row.authority}) is listed twice`);
    seen.add(id);
    return {
      code: row.code,
      authority: row.authority,
      kind: row.kind,
      ...(row.meaning ? { meaning: row.meaning } : {}),
      source: row.source,
    };
  });
}

function buildHeaderElements(referenceDir) {
  const path = join(referenceDir, 'header-elements.md');
  const rows = readHeaderElements(path);
  const names = new Set(rows.map((row) => row.element));
  for (const name of Object.keys(HEADER_ELEMENT_KEYS)) {
    if (!names.has(name)) fail(`${path}: no row "${name}" (HEADER_ELEMENT_KEYS in build-reference-data.mjs is out of step)`);
  }
  return rows.map((row) => {
    const keys = HEADER_ELEMENT_KEYS[row.element];
    if (!keys) fail(`${path}: row "${row.element}" has no lookup keys; add it to HEADER_ELEMENT_KEYS in build-reference-data.mjs`);
    return { ...row, keys };
  });
}

/** Which tags take a person's name, and the source that says so, from the TAGS row of header-elements.md. */
function findPersonTags(headerElements) {
  const tagsRow = headerElements.find((row) => row.element === 'TAGS line');
  const match = tagsRow && PERSON_TAGS_PATTERN.exec(tagsRow.source);
  if (!match) fail("header-elements.md: the TAGS line row no longer names the tags used with a person's name");
  return { codes: match[1].split(', '), source: `header-elements.md (TAGS line): ${tagsRow.source}` };
}

/**
 * Merges tags-sourced.tsv: a row adds a code or fills the meaning the tables leave empty (the
 * table's source is kept as `listedIn`); it may never replace a meaning, nor change a category.
 * Runs before mergeUnverified, so a sourced meaning also wins over an unverified one. Returns how
 * many rows it merged per table.
 */
function mergeSourcedTags(data, path) {
  const counts = {};
  for (const row of readTsv(path, ['table', 'code', 'meaning', 'category', 'source'])) {
    const where = `${path}:${row.line}`;
    if (!(row.table in TAG_TABLES)) fail(`${where}: unknown table "${row.table}"`);
    if (!row.code || !row.meaning || !row.source) fail(`${where}: code, meaning and source are required`);
    const table = data.tags[row.table];
    const key = upper(row.code);
    const existing = table.get(key);
    if (existing?.meaning) fail(`${where}: ${row.table} tag ${key} already has a meaning`);
    if (row.category && existing?.category && row.category !== existing.category)
      fail(`${where}: ${key} would change the category the tables give`);
    const category = row.category || existing?.category;
    table.set(key, {
      code: existing?.code ?? row.code,
      meaning: row.meaning,
      ...(category ? { category } : {}),
      source: row.source,
      ...(existing ? { listedIn: existing.source } : {}),
      ...(existing?.takesPersonName ? { takesPersonName: true } : {}),
    });
    counts[row.table] = (counts[row.table] ?? 0) + 1;
  }
  return counts;
}

const UNVERIFIED_TABLES = new Set([...Object.keys(TAG_TABLES), 'marking', 'classification-reason', 'header']);

/**
 * Merges unverified.tsv: a row may give a meaning the tables leave empty, or add a code they
 * lack; it may never replace a sourced meaning. Returns how many rows it merged per table.
 */
function mergeUnverified(data, path) {
  const counts = {};
  for (const row of readTsv(path, ['table', 'code', 'meaning', 'group'], { lastOptional: true })) {
    const where = `${path}:${row.line}`;
    if (!UNVERIFIED_TABLES.has(row.table)) fail(`${where}: unknown table "${row.table}"`);
    if (!row.code || !row.meaning) fail(`${where}: code and meaning are required`);
    const key = upper(row.code);
    counts[row.table] = (counts[row.table] ?? 0) + 1;
    const unverified = { meaning: row.meaning, source: UNVERIFIED, verified: false };

    if (row.table in TAG_TABLES) {
      const table = data.tags[row.table];
      const existing = table.get(key);
      if (!existing) {
        table.set(key, { code: row.code, ...unverified, ...(row.group ? { category: row.group } : {}) });
        continue;
      }
      if (existing.meaning) fail(`${where}: ${row.table} tag ${key} already has a sourced meaning`);
      if (row.group && row.group !== existing.category) fail(`${where}: ${key} would change the category the tables give`);
      table.set(key, { ...existing, ...unverified, listedIn: existing.source });
    } else if (row.table === 'marking') {
      const existing = data.markings.get(key);
      if (existing?.meaning) fail(`${where}: marking ${key} already has a sourced meaning`);
      if (row.group) fail(`${where}: markings take no group`);
      data.markings.set(key, existing ? { ...existing, ...unverified, listedIn: existing.source } : { marking: row.code, ...unverified });
    } else if (row.table === 'classification-reason') {
      const matches = data.classificationReasons.filter((reason) => upper(reason.code) === key);
      if (matches.length !== 1)
        fail(`${where}: classification reason ${key} must be listed exactly once in the tables (found ${matches.length})`);
      const [reason] = matches;
      if (reason.meaning) fail(`${where}: classification reason ${key} already has a sourced meaning`);
      if (row.group) fail(`${where}: classification reasons take no group`);
      Object.assign(reason, unverified, { listedIn: reason.source });
    } else {
      const element = data.headerElements.find((candidate) => candidate.keys.includes(key));
      if (!element) fail(`${where}: ${key} is not a lookup key of any header element`);
      if (row.group) fail(`${where}: header elements take no group`);
      element.notes ??= {};
      if (element.notes[key]) fail(`${where}: ${key} is listed twice`);
      element.notes[key] = unverified;
    }
  }
  return counts;
}

/** Replaces every `source` string by its index in one sorted list of sources (they repeat a lot). */
function indexSources(value, sources) {
  if (Array.isArray(value)) return value.map((item) => indexSources(item, sources));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = (key === 'source' || key === 'listedIn') && typeof item === 'string' ? sources.indexOf(item) : indexSources(item, sources);
  }
  return out;
}

function collectSources(value, found) {
  if (Array.isArray(value)) value.forEach((item) => collectSources(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'source' || key === 'listedIn') && typeof item === 'string') found.add(item);
      else collectSources(item, found);
    }
  }
  return found;
}

/** Printed on one line: a primitive, or an object that holds only primitives and arrays of primitives. */
function isRow(value) {
  const isPrimitive = (item) => item === null || typeof item !== 'object';
  const isFlat = (item) => isPrimitive(item) || (Array.isArray(item) && item.every(isPrimitive));
  if (Array.isArray(value)) return false;
  return isPrimitive(value) || Object.values(value).every(isFlat);
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(byKey)
      .map((key) => [key, sortKeys(value[key])]),
  );
}

function render(value, indent = '') {
  if (isRow(value)) return JSON.stringify(sortKeys(value));
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + render(item, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort(byKey);
  return `{\n${keys.map((key) => `${inner}${JSON.stringify(key)}: ${render(value[key], inner)}`).join(',\n')}\n${indent}}`;
}

function sortedValues(map) {
  return [...map.entries()].sort(([a], [b]) => byKey(a, b)).map(([, value]) => value);
}

/** Reads the reference folder, tags-sourced.tsv and unverified.tsv; returns the JSON text and figures for the log. */
function buildReferenceData(referenceDir, sourcedPath, unverifiedPath) {
  if (!existsSync(referenceDir)) fail(`reference folder not found: ${referenceDir}`);
  const headerElements = buildHeaderElements(referenceDir);
  const personTags = findPersonTags(headerElements);
  const rowsRead = {};
  const data = {
    tags: buildTags(referenceDir, personTags.codes, personTags.source, rowsRead),
    routingIndicators: buildRoutingIndicators(referenceDir, rowsRead),
    markings: buildMarkings(referenceDir),
    precedence: buildPrecedence(referenceDir),
    classificationReasons: buildClassificationReasons(referenceDir),
    headerElements,
  };
  const tableRows = {
    ...rowsRead,
    'routing indicators (distinct)': data.routingIndicators.size,
    'markings.tsv': data.markings.size,
    'precedence.tsv': data.precedence.length,
    'classification-reasons.tsv': data.classificationReasons.length,
    'header-elements.md': data.headerElements.length,
    'person tags (header-elements.md)': personTags.codes.length,
  };
  const sourcedRows = mergeSourcedTags(data, sourcedPath);
  const unverifiedRows = mergeUnverified(data, unverifiedPath);

  const plain = {
    classificationReasons: data.classificationReasons,
    headerElements: data.headerElements,
    markings: sortedValues(data.markings),
    precedence: data.precedence,
    routingIndicators: sortedValues(data.routingIndicators),
    sourcesConsulted: readSourceBullets(join(referenceDir, 'SOURCES.md'), 'Used'),
    tags: Object.fromEntries(Object.entries(data.tags).map(([kind, map]) => [kind, sortedValues(map)])),
  };
  const sources = [...collectSources(plain, new Set())].sort(byKey);
  const json = render({ ...indexSources(plain, sources), sources }) + '\n';
  return { json, tableRows, sourcedRows, unverifiedRows };
}

const USAGE = 'usage: build-reference-data.mjs [referenceDir] [--out file] [--sourced file] [--unverified file]';

function parseArgs(argv) {
  const options = {
    referenceDir: join(repoRoot, '../shared/reference'),
    out: join(repoRoot, 'server/src/data/reference.json'),
    sourced: SOURCED_TAGS_FILE,
    unverified: UNVERIFIED_FILE,
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const option = { '--out': 'out', '--sourced': 'sourced', '--unverified': 'unverified' }[argv[i]];
    if (option) {
      if (!argv[i + 1]) fail(`${argv[i]} needs a file name\n${USAGE}`);
      options[option] = resolve(argv[++i]);
    } else if (argv[i].startsWith('-')) fail(`unknown option ${argv[i]}\n${USAGE}`);
    else positional.push(argv[i]);
  }
  if (positional.length > 1) fail(USAGE);
  if (positional.length === 1) options.referenceDir = resolve(positional[0]);
  return options;
}

function main() {
  try {
    const { referenceDir, out, sourced, unverified } = parseArgs(process.argv.slice(2));
    const { json, tableRows, sourcedRows, unverifiedRows } = buildReferenceData(referenceDir, sourced, unverified);
    writeFileSync(out, json);
    const figures = (counts) =>
      Object.entries(counts)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
    console.log(`wrote ${out} (${json.length} bytes)`);
    console.log(`rows from ${referenceDir}: ${figures(tableRows)}`);
    const sourcedTotal = Object.values(sourcedRows).reduce((a, b) => a + b, 0);
    console.log(`sourced TAGS rows merged from ${sourced}: ${sourcedTotal} (${figures(sourcedRows)})`);
    const total = Object.values(unverifiedRows).reduce((a, b) => a + b, 0);
    console.log(`unverified rows merged: ${total} (${figures(unverifiedRows)})`);
  } catch (error) {
    if (!(error instanceof ReferenceDataError)) throw error;
    console.error(`build-reference-data: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
