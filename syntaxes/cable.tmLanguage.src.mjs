// Source of the Cable TextMate grammar (scope `text.cable`).
// `node scripts/build-grammar.mjs` turns it into syntaxes/cable.tmLanguage.json; a test checks that the
// committed JSON is what this file produces. Written as a JS module (not YAML) so that regex fragments are
// plain constants composed by template strings: no second copy of a regex, no extra dependency.
//
// Regex dialect: the subset shared by Oniguruma (what VS Code runs) and JavaScript (what the ReDoS test
// feeds to recheck). So no (?i) flags: case-insensitive words are spelled out by `anyCase`. Every regex
// must stay linear on 5,000-character lines: no nested quantifiers over overlapping text.
//
// Speed: VS Code searches every regex of the current rule list through the rest of the line. Oniguruma
// skips ahead quickly only when a regex starts with a selective character; one that can start with a
// space or match empty (`^[ \t]*X`, `^$`, `$`) is tried at every position, 40-150 ns a character. So
// body rules that start a line are anchored `^X` (indented lines get the same rules anchored `\G` inside
// `indented-line`), region ends use `(?=\n)` (the engine appends a newline) rather than `$`, and the
// inline rules are merged into a few alternations. Each regex of a list also costs every search of that
// list 0.1-0.5 µs even when the search stops at its first position (bench/grammar-profile.ts), so a body
// line is searched once with the line-start rules, at its first column, and then only with the inline
// rules (`running-text`): never the whole line with all of them, and never an anchored rule in a list
// searched through the line (it is tried at every position). A line that continues running text is
// searched with the inline rules only (`running-text`'s condition). bench/grammar-scopes.ts checks that
// a change keeps every scope.
//
// Layout of a cable, and of this grammar:
//   meta.preamble    from the top of the file to the first numbered paragraph (or marked paragraph, or
//                    "Classified By"). Only here can a routing header start (VZCZC, a DTG line, FM, a
//                    teletype printout), so `DE`, `TO`, `PP` ... in the body are never header lines.
//   meta.header      a routing-header region inside the preamble; it ends at the banner, a date line,
//                    an export record or a caption line (blank lines do not end it: State's own header
//                    has one after its PP line).
//   body             banner, captions (E.O., TAGS, SUBJECT, REF, CLASSIFIED BY), paragraphs, markings.
//                    Captions may also be in the preamble, and some cables run them together on one line.
//   heading slots    after a blank or rule line: a short line is a section heading, a lone word a
//                    signature (heuristics, counted on the corpus: TextMate cannot see the end of file).

const SUFFIX = 'cable';
/** Every scope ends in `.cable` so themes and users can target the language. */
const scope = (name) => `${name}.${SUFFIX}`;

// ---------------------------------------------------------------------------------------------------
// Regex building blocks
// ---------------------------------------------------------------------------------------------------

/** A literal word in any letter case, without the (?i) flag that JavaScript regexes lack. */
const anyCase = (text) => text.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
/** The upper-case and capitalised spellings of a word (`SUMMARY`, `Summary`). */
const titleOrUpper = (word) => `${word[0]}(?:${word.slice(1)}|${word.slice(1).toLowerCase()})`;
/**
 * A banner word: upper-case, letter-spaced or solid (`S E C R E T`, `SECRET`, `SE C R E T`), or
 * letter-spaced in mixed case (`S e c r e t`). A solid mixed-case word is running text (`Secret talks
 * ...`). The first letter is always a capital, and a regex that starts with one is cheap to search for.
 */
const letterSpaced = (word) => `(?:${[...word].join(' ?')}|${word[0]} ${[...word.slice(1)].map(anyCase).join(' ')})`;
const either = (...alternatives) => `(?:${alternatives.join('|')})`;
const words = (list) => either(...list);

const SP = '[ \\t]';
/** End of the line: the engine appends `\n` to every line; `$` would be tried at every position. */
const EOL = '(?=\\n)';
/** The two ways a line-start rule is anchored: at column 0, or right after `indented-line`'s indentation. */
const AT_LINE_START = '^';
const AFTER_INDENT = '\\G';
/**
 * `^` for the rules of a list that is searched from a line's first column and stops there, because
 * `rest-of-line` matches wherever they do not (the root and preamble lists). Written as a lookahead,
 * Oniguruma does not first look through the whole line for where such a rule could start: a body line's
 * first search 3.59 -> 2.83 µs CPU for the line-start rules alone. In a list searched through a line it
 * costs more: 12.6 against 11.5 µs a body line searched through with the line-start and inline rules.
 */
const FIRST_COLUMN = '(?=^)';

const MONTH = words(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map(anyCase));
/** Date-time group: day, hour, minute, zone Z, month, two-digit year (`251427Z JAN 09`; the 1970s `221828 Z MAY 73`, `011830Z SEPT 75`). */
const DTG = `\\d{6}${SP}?Z${SP}+${MONTH}[A-Za-z]?${SP}+\\d{2}\\b`;
/** Routing indicator: five to eight letters starting with R (RUEHBC, RHMFISS). */
const ROUTING_INDICATOR = 'R[A-Z]{4,7}';
/** Post name in a page break: up to four words (RIO DE JANEIRO, Kabul). */
const PAGE_BREAK_POST = `[A-Z][A-Za-z.'’-]*(?:${SP}[A-Za-z][A-Za-z.'’-]*){0,3}`;
const BANNER_POST_WORD = "[A-Za-z][A-Za-z.'’-]*";
/** Post name in a banner: up to four words in one case (ABU DHABI, nairobi). */
const BANNER_POST = either(`[A-Z][A-Z.'’-]*(?:${SP}[A-Z][A-Z.'’-]*){0,3}`, `[a-z][a-z.'’-]*(?:${SP}[a-z][a-z.'’-]*){0,3}`);
/** Message serial after the post (`000759`, `2481`, `08980`). */
const SERIAL = '\\d{3,8}\\b';
const DATE_SLASHED = '\\b\\d{1,4}/\\d{1,2}/\\d{2,4}\\b';
const WEEKDAY = words(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const MONTH_NAME = words([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);
/** The viewer's creation-date line before the banner: `Friday, 18 December 2009, 11:04`. */
const DATE_LINE = `${WEEKDAY},${SP}+\\d{1,2}${SP}+${MONTH_NAME}${SP}+\\d{4},${SP}+\\d{1,2}:\\d{2}`;

// Classification levels. `full` matches the banner word letter-spaced or solid; `truncated` the damaged
// form that lost its first letter (`E C R E T`); a stray doubled letter (`SS E C R E T`, `CSE C R E T`,
// `UUNCLAS`) is matched separately so it can be marked invalid.
const classification = (level, ...parts) => {
  const spell = (words) => words.map(letterSpaced).join(`${SP}{0,3}`);
  return { level, full: spell(parts), truncated: spell([parts[0].slice(1), ...parts.slice(1)]) };
};
const CLASSIFICATIONS = [
  classification('top-secret', 'TOP', 'SECRET'),
  classification('secret', 'SECRET'),
  classification('confidential', 'CONFIDENTIAL'),
  // The 1970s State level between UNCLASSIFIED and CONFIDENTIAL, never letter-spaced.
  { level: 'limited-official-use', full: `LIMITED${SP}{1,3}OFFICIAL${SP}{1,3}USE` },
  { ...classification('unclassified', 'UNCLAS'), full: `${letterSpaced('UNCLAS')}(?: ?${letterSpaced('SIFIED')})?` },
];

/** The classification word, one alternative per level: captures (stray letter, word) per level. */
const CLASSIFICATION_WORD = either(
  ...CLASSIFICATIONS.map((c) => `(?:([A-Z])(?=${c.full}))?(${c.full}${c.truncated ? `|${c.truncated}` : ''})`),
);
const classificationCaptures = (first) =>
  Object.fromEntries(
    CLASSIFICATIONS.flatMap((c, i) => [
      [first + 2 * i, { name: scope('invalid.illegal.damaged-classification') }],
      [first + 2 * i + 1, { name: scope(`constant.language.classification.${c.level}`) }],
    ]),
  );
/** What may follow the classification word on a banner line (so `Secret talks began ...` is not one). */
const BANNER_TAIL = `(?=${SP}*$|${SP}*/|${SP}+${either(anyCase('SECTION'), anyCase('EFTO'))}\\b|${SP}+${BANNER_POST}${SP}+${SERIAL}|${SP}+[A-Z]{3}\\d{3,}\\b)`;
const BANNER_HEAD = `${CLASSIFICATION_WORD}\\b${BANNER_TAIL}`;

// Portion markings: level, then dissemination controls (`(S//NF)`, `(C/REL NATO)`, `(S//FGI//NF)`,
// `(C NF)`, `(S/REL TO USA, FVEY)`, `(C - ENTIRE TEXT)`). The REL list comes last so its words cannot
// be read as controls.
const MARKING_LEVELS = [
  { level: 'top-secret', code: 'TS' },
  { level: 'secret', code: 'S' },
  { level: 'confidential', code: 'C' },
  { level: 'limited-official-use', code: 'LOU' },
  { level: 'sbu', code: 'SBU(?:-N)?' },
  { level: 'unclassified', code: 'U' },
];
const CONTROL_WORDS = ['NF', 'NOFORN', 'FGI', 'FOUO', 'ORCON', 'PROPIN', 'EXDIS', 'NODIS', 'LIMDIS', 'SI', 'TK'];
const markingOf = (levelCode, anyLetterCase) => {
  const cased = (text) => (anyLetterCase ? anyCase(text) : text);
  const separator = '(?:\\s?/{1,2}\\s?|\\s)';
  const controls = `(?:${separator}${words(CONTROL_WORDS.map(cased))}){0,4}`;
  const relList = `(?:\\s[A-Za-z]{1,20}(?:,?\\s[A-Za-z]{1,20}){0,12})?`;
  const rel = `(?:${separator}${anyCase('REL')}(?:\\s${anyCase('TO')})?${relList})?`;
  const entireText = `(?:\\s?-\\s?${anyCase('ENTIRE')}\\s${anyCase('TEXT')})?`;
  return `\\(\\s?${cased(levelCode)}${controls}${rel}${entireText}\\s?\\)`;
};
/** Any portion marking, one capture per level (so each level gets its own scope). */
const markingAnyLevel = (anyLetterCase) => either(...MARKING_LEVELS.map((m) => `(${markingOf(m.code, anyLetterCase)})`));
const MARKING_CAPTURES = Object.fromEntries(MARKING_LEVELS.map((m, i) => [i + 1, { name: scope(`keyword.control.marking.${m.level}`) }]));
/** Start of any portion marking, for lookaheads that only need to know one begins here. */
const MARKING_START = `\\(\\s?${words(MARKING_LEVELS.map((m) => m.code))}[\\s/)]`;

/** Paragraph number: `¶1.`, `1.`, the markdown export's `11.`; not `3.1.` sub-numbering. */
const PARAGRAPH_NUMBER = '¶?\\d{1,3}\\.(?!\\d)';

const EO_WORD = '[Ee]\\.?[ ]?[Oo]\\.?';
const EO_HEAD = `${EO_WORD}${SP}*\\d{5}`;
// Mixed-case caption words need their colon, so `Subject to approval ...` in running text is no caption.
const TAGS_WORD = either('TAGS?', 'Tags?(?=:)', 'tags?(?=:)');
const SUBJECT_WORD = `S${either('UBJECT', 'UBJ', 'ubject(?=:)', 'ubj(?=:)')}`;
const REF_WORD = `R${either('EF(?:TEL)?S?', 'EFERENCES?', 'ef(?:tel)?s?(?=:)')}`;
const CLASSIFIED_BY = `${titleOrUpper('CLASSIFIED')}${SP}+${either('BY', 'By', 'by')}`;
/** Classification authority line, possibly after its own portion marking: `(U) Classified by ...`. */
const CLASSIFIED_START = `(?:\\([A-Za-z]{1,3}\\)${SP}*)?${CLASSIFIED_BY}\\b`;

/** Captions that begin a new part of the preamble; they end the caption before them. */
const CAPTION_START = either(`${EO_HEAD}`, `${TAGS_WORD}\\b`, `${SUBJECT_WORD}\\b`, `${REF_WORD}\\b`, CLASSIFIED_START);
/** Lines where a caption region (SUBJECT, REF, CLASSIFIED BY) stops. */
const CAPTION_END = `^(?=${SP}*$|${SP}*${either(CAPTION_START, PARAGRAPH_NUMBER, BANNER_HEAD)})`;
/** The body starts at the first numbered or marked paragraph, or at the classification authority. */
const BODY_START = either(PARAGRAPH_NUMBER, MARKING_START, CLASSIFIED_START);

const HANDLING_CAPTIONS = [
  { name: 'sipdis', re: anyCase('SIPDIS') },
  { name: 'noforn', re: anyCase('NOFORN') },
  { name: 'nodis', re: titleOrUpper('NODIS') },
  { name: 'exdis', re: titleOrUpper('EXDIS') },
  { name: 'limdis', re: titleOrUpper('LIMDIS') },
  { name: 'stadis', re: 'STADIS' },
  { name: 'specat', re: 'SPECAT' },
  { name: 'orcon', re: 'ORCON' },
  { name: 'efto', re: 'EFTO' },
  { name: 'sbu', re: `${anyCase('SENSITIVE')}${SP}+${anyCase('BUT')}${SP}+${anyCase('UNCLASSIFIED')}` },
  { name: 'fouo', re: `${anyCase('FOR')}${SP}+${anyCase('OFFICIAL')}${SP}+${anyCase('USE')}${SP}+${anyCase('ONLY')}` },
  { name: 'limited-official-use', re: `LIMITED${SP}+OFFICIAL${SP}+USE` },
];
const HANDLING_WORD = words(HANDLING_CAPTIONS.map((h) => h.re));
/** `SENSITIVE` alone on its line is the SBU caption; in running text it is only a word. */
const SENSITIVE_LINE = `${titleOrUpper('SENSITIVE')}${SP}*$`;
const sensitiveLine = { name: scope('support.type.caption.sensitive'), match: SENSITIVE_LINE };
/** A caption line of its own between banner and E.O. line (`SIPDIS`, `NOFORN`, `SENSITIVE`). */
const HANDLING_LINE = `${either(`${HANDLING_WORD}${SP}*$`, SENSITIVE_LINE)}`;

/** Summary/comment/note delimiters: `SUMMARY:`, `End summary.`, `(Note: ... End Note.)`, `Begin text:`. */
const SECTION_MARKERS = ['SUMMARY', 'COMMENT', 'NOTE', 'BACKGROUND', 'TEXT', 'QUOTE'];
/** `END SUMMARY.`, in any case (`End summary.`). */
const sectionEnd = (word) => `${anyCase('END')}${SP}{1,3}${anyCase(word)}\\b\\.?`;
/** `BEGIN TEXT:`, `Begin quote`. */
const sectionBeginWith = (word) => `${titleOrUpper('BEGIN')}${SP}{1,3}${anyCase(word)}\\b:?`;
/** `SUMMARY:`, `Summary:`, `COMMENT CONTINUED:` (upper-case or capitalised, with its colon). */
const sectionBegin = (word) => `${titleOrUpper(word)}(?:${SP}{1,3}${titleOrUpper('CONTINUED')})?${SP}{0,3}:`;
/** The upper-case word alone on its line (`SUMMARY`, `COMMENT`), a heading of its own. */
const SECTION_BARE_LINE = `${words(SECTION_MARKERS)}${SP}*$`;
const SECTION_MARKER_START = either(
  ...SECTION_MARKERS.flatMap((w) => [sectionEnd(w), sectionBeginWith(w), sectionBegin(w)]),
  SECTION_BARE_LINE,
);

const PAGE_BREAK = either(
  `${PAGE_BREAK_POST}${SP}+\\d{8}${SP}+\\d{3}(?:\\.\\d{1,2})?${SP}+${anyCase('OF')}${SP}+\\d{3}\\b`,
  `PAGE${SP}+\\d{2}${SP}+${PAGE_BREAK_POST}${SP}+\\d{4,8}\\b(?:${SP}+\\d{2}${SP}+OF${SP}+\\d{2}\\b)?(?:${SP}+\\d{6}Z)?`,
  // A PlusD page head written over two lines (`PAGE 02` / `MOSCOW 30030 01 OF 02 062340Z`).
  `PAGE${SP}+\\d{2}(?=${SP}*${EOL})`,
  `${PAGE_BREAK_POST}${SP}+\\d{4,8}${SP}+\\d{2}${SP}+OF${SP}+\\d{2}${SP}+\\d{6}Z\\b`,
);
const TELETYPE_HEAD = either(`PAGE${SP}+01\\b`, `${either('ACTION', 'INFO', 'ORIGIN')}${SP}+[A-Z][A-Z0-9]*-\\d\\d\\b`);
const PRECEDENCE_LINE_HEAD = `[ZOPRY](?:${SP}[ZOPRY])?${SP}+${DTG}`;
const BARE_DTG_LINE = `\\d{6}Z${SP}+${MONTH}${SP}+\\d{2}${SP}*$`;
const EXPORT_RECORD_HEAD = either('<<\\d+>>', `ID:${SP}*\\d+${SP}*$`);
const RI_LIST_LINE = `${SP}*${ROUTING_INDICATOR}(?:${SP}+${ROUTING_INDICATOR})*${SP}*$`;

/** Where the routing header stops: everything that is not part of it. */
const HEADER_END = `^(?=${SP}*${either(BANNER_HEAD, DATE_LINE, EXPORT_RECORD_HEAD, HANDLING_LINE, CAPTION_START, PARAGRAPH_NUMBER, MARKING_START)})`;
const HEADER_START = `^(?=VZCZC|${PRECEDENCE_LINE_HEAD}|${BARE_DTG_LINE}|${TELETYPE_HEAD}|FM${SP})`;

const PRECEDENCES = [
  { level: 'flash', letter: 'Z', word: 'FLASH' },
  { level: 'immediate', letter: 'O', word: `(?:NIACT${SP}+)?IMMEDIATE` },
  { level: 'priority', letter: 'P', word: 'PRIORITY' },
  { level: 'routine', letter: 'R', word: 'ROUTINE' },
  { level: 'emergency', letter: 'Y', word: 'EMERGENCY' },
];
const SECURITY_PROSIGNS = [
  { level: 'top-secret', code: 'TTTTT' },
  { level: 'secret', code: 'SSSSS' },
  { level: 'confidential', code: 'CCCCC' },
  { level: 'efto', code: 'EEEEE' },
  { level: 'unclassified', code: 'UUUUU' },
];

/** TAGS code: 2-6 letters in one case (`PGOV`, `iz`), or the markdown export's link `[PGOV](#)`. */
const TAG_CODE = '(?:[A-Z]{2,6}|[a-z]{2,6})';
const TAG_ITEM = either(`\\[${TAG_CODE}\\]\\(#\\)`, TAG_CODE);
/** A line that only continues the TAGS list (`KJUS, KHLS, GM`); not a caption (`SIPDIS`, `TAG PTER, PREL`). */
const TAGS_CONTINUATION = `${SP}*(?!${HANDLING_WORD}\\b|${CAPTION_START})${TAG_ITEM}(?:(?:[,;]${SP}*|${SP}+)${TAG_ITEM})*[,;]?${SP}*$`;

/** Cited cable in a REF list: `2008 BAGHDAD 3475`, `STATE 123`, `BUENOS AIRES 000153`, `09 state 122115`. */
const REF_STOP_WORD = `${words([
  'OF',
  'AND',
  'ON',
  'IN',
  'AT',
  'TO',
  'THE',
  'DATED',
  'FROM',
  'PARA',
  'PARAS',
  'PAGE',
  'SECTION',
  'NO',
  'NUMBER',
  'REF',
  'REFTEL',
  'PARAGRAPH',
  'IIR',
])}\\b`;
// Word lengths are bounded so that a failing search from every word start stays short.
const REF_POST_WORD = `(?!${REF_STOP_WORD})(?!${MONTH}\\b)[A-Z][A-Za-z]{1,20}`;
const CITED_CABLE = `\\b(?:(?:19|20)?\\d{2}${SP}{1,3})?(?:${REF_POST_WORD}(?:${SP}${REF_POST_WORD}){0,2}|[a-z]{4,20}(?:${SP}[a-z]{4,20}){0,2})${SP}{1,3}\\d{1,6}\\b(?![/:.]\\d)`;
/** REF list letters: `A.`, `¶B.` (plain rendering), `1B.` (markdown export), `(C)`, `b)`. */
const REF_LETTER = `(?:^${SP}*|(?<=\\s))(¶|1(?=[A-Za-z][.)]\\s))?(\\([A-Za-z]\\)|[A-Za-z][.)])(?=\\s)`;

const REDACTION_WORD = '(?:X{4,}|x{4,})';

// Heading slots: what a line after a blank (or rule) line must look like to be a heading or a signature.
const RULE_LINE = `(?:-{3,}|(?:-${SP}){2,}-|_{3,}|={3,})${SP}*$`;
/** Line kinds that have their own rule and are never headings or signatures. */
const KNOWN_LINE = `${SP}*${either(
  BANNER_HEAD,
  CAPTION_START,
  PARAGRAPH_NUMBER,
  MARKING_START,
  PAGE_BREAK,
  `${HANDLING_WORD}\\b`,
  SENSITIVE_LINE,
  SECTION_MARKER_START,
  `(?:BT|NNNN?|NMAFVVZCZ)${SP}*$`,
  '[Xx]{4}',
  DATE_LINE,
  `[A-Za-z]\\)`,
  `[A-Z]\\.${SP}`,
)}`;
/** A heading: starts with a capital or a quote, at most 50 characters, no closing sentence punctuation. */
const HEADING_SHAPE = `(?=${SP}*["“‘']?[A-Z])(?=.{0,49}[^\\s.,;:]\\s*$)(?!.*\\d{5})`;
const SIGNATURE_UPPER = `(?:Mc|Mac)?[A-Z][A-Z'’-]*[A-Z]`;
const SIGNATURE_CAPITALISED = `(?:Mc|Mac)?[A-Z][a-z'’-]*[a-z]`;
/** A slot ends after its line (not on the line that opened it), or before a line it does not take. */
const HEADING_SLOT_END = `(?!\\G)(?<=\\S)${SP}*${EOL}|^(?=${SP}*\\S)`;

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

const precedenceRules = (position) =>
  PRECEDENCES.map((p) => ({
    name: scope(`constant.language.precedence.${p.level}`),
    match: position(p),
  }));

/** One regex for all caption words, one capture (and scope) per word. */
const handlingRule = {
  match: `\\b(?:${HANDLING_CAPTIONS.map((h) => `(${h.re})`).join('|')})\\b`,
  captures: Object.fromEntries(HANDLING_CAPTIONS.map((h, i) => [i + 1, { name: scope(`support.type.caption.${h.name}`) }])),
};

/**
 * Section markers in two regexes (each one alternation with a capture, and scope, per word): the ones
 * that start with END or BEGIN, and the bare `WORD:` ones. A single regex starting with an optional
 * BEGIN cannot be searched for quickly.
 */
const sectionMarkerCaptures = (kinds) =>
  Object.fromEntries(
    kinds.flatMap((kind, k) =>
      SECTION_MARKERS.map((w, i) => [k * SECTION_MARKERS.length + i + 1, { name: scope(`keyword.control.${w.toLowerCase()}.${kind}`) }]),
    ),
  );
const sectionMarkerRules = [
  {
    match: `\\b(?:${[...SECTION_MARKERS.map((w) => `(${sectionEnd(w)})`), ...SECTION_MARKERS.map((w) => `(${sectionBeginWith(w)})`)].join('|')})`,
    captures: sectionMarkerCaptures(['end', 'begin']),
  },
  {
    match: `\\b(?:${SECTION_MARKERS.map((w) => `(${sectionBegin(w)})`).join('|')})`,
    captures: sectionMarkerCaptures(['begin']),
  },
];

// Mid-line captions of run-together preambles (`SIPDIS E.O. 12958: N/A`, `E.O. ... TAGS: ...`,
// `TAGS: ... Subject: ...`). They nest in the caption before them, whose end is then `(?=\n)|^`:
// the nested one may run on to the next line, and its parent must not take that line.
const executiveOrder = (start) => ({
  // `E.O. 12958: DECL: 1/25/2019`, `EO 12958 DECL: 2019/12/16`, `E.O. 12958: N/A`.
  name: scope('meta.executive-order'),
  begin: `${start}(${EO_WORD})${SP}*(\\d{5})(:?)`,
  beginCaptures: {
    1: { name: scope('keyword.other.executive-order') },
    2: { name: scope('constant.numeric.executive-order') },
    3: { name: scope('punctuation.separator.key-value') },
  },
  end: `${EOL}|^`,
  patterns: [
    { name: scope('keyword.other.declassify'), match: `\\b${anyCase('DECL')}(?:${anyCase('ASSIFY')}|L)?\\b:?` },
    { name: scope('constant.numeric.date'), match: DATE_SLASHED },
    { name: scope('constant.language.not-applicable'), match: '\\bN/A\\b' },
    {
      name: scope('constant.language.declassification-exemption'),
      match: '\\b(?:OADR|MR|X[1-8]|25X[1-9]|50X[12](?:-[A-Z]+)?|DNG|XGDS-[1-4]|GDS|ADS)\\b',
    },
    { include: '#redaction' },
    { include: '#tags-mid-line' },
  ],
});
const EXECUTIVE_ORDER_MID_LINE = `(?<=\\s)(?=${EO_HEAD}:?${SP}*(?:[Dd][Ee][Cc][Ll]|N/A))`;

const tags = (start, word) => ({
  // `TAGS: PGOV PREL IZ`, `TAGS PREL, PGOV`, `Tags: prel, pgov`, `TAGS: [PGOV](#) [PINS](#)`;
  // continues on lines of codes only.
  name: scope('meta.tags'),
  begin: `${start}(${TAGS_WORD})${word}`,
  beginCaptures: {
    1: { name: scope('keyword.other.tags') },
    2: { name: scope('punctuation.separator.key-value') },
  },
  end: `^(?!${TAGS_CONTINUATION})`,
  patterns: [
    {
      // Personal or free text after OVIP and similar: `OVIP (CLINTON, HILLARY)`.
      name: scope('string.unquoted.tag-subject'),
      match: '\\([^()]{0,80}\\)',
    },
    {
      match: `(\\[)(${TAG_CODE})(\\]\\()(#)(\\))`,
      captures: {
        1: { name: scope('punctuation.definition.link.begin') },
        2: { name: scope('entity.name.tag') },
        3: { name: scope('punctuation.definition.link.middle') },
        4: { name: scope('punctuation.definition.link.target') },
        5: { name: scope('punctuation.definition.link.end') },
      },
    },
    { include: '#subject-mid-line' },
    { name: scope('entity.name.tag'), match: `(?<![\\w-])${TAG_CODE}(?![\\w-])` },
  ],
});

const subject = (start, word) => ({
  name: scope('meta.subject'),
  contentName: scope('string.unquoted.subject'),
  begin: `${start}(${SUBJECT_WORD})${word}`,
  beginCaptures: {
    1: { name: scope('keyword.other.subject') },
    2: { name: scope('punctuation.separator.key-value') },
  },
  end: CAPTION_END,
  patterns: [{ include: '#page-break' }, { include: '#marking-any-case' }, { include: '#inline' }, { include: '#sensitive-line' }],
});

/** How many capture groups a regex has (the sources are JavaScript regexes too). */
const groupCount = (source) => new RegExp(`${source}|`).exec('').length - 1;

/**
 * Match rules that stand next to each other in a list, as one regex with a capture for each: every
 * regex of a list costs each search of the list, even one that fails at once. The first alternative
 * that matches wins, as the first rule did.
 */
const oneOf = (anchor, rules) => {
  const captures = {};
  let group = 0;
  const alternatives = rules.map((rule) => {
    const outer = ++group;
    if (rule.name) captures[outer] = { name: rule.name };
    for (const [n, capture] of Object.entries(rule.captures ?? {})) captures[outer + Number(n)] = capture;
    group += groupCount(rule.match);
    return `(${rule.match})`;
  });
  return { match: `${anchor}(?:${alternatives.join('|')})`, captures };
};

/**
 * Rules that only match at the start of a line, built for each anchor: at column 0 (`FIRST_COLUMN` in
 * the line-start list, `^` for a page break inside a caption), and `\G` right after the indentation
 * that `indented-line` consumed.
 */
const pageBreak = (anchor) => ({
  // `ASTANA 00000095 002 OF 003`, `CARACAS 00001333 001.2 OF 003`, `PAGE 02 HARARE 06677 01 OF 03 291400Z`.
  name: scope('comment.line.page-break'),
  match: `${anchor}${PAGE_BREAK}`,
});

const lineStartRules = (anchor) => [...lineStartRegions(anchor), lineMarkers(anchor)];

/** The line-start rules but the markers: the regions a line starts (banner, captions), date, page break. */
const lineStartRegions = (anchor) => [
  oneOf(anchor, [{ name: scope('comment.line.date'), match: `${DATE_LINE}${SP}*$` }, pageBreak('')]),
  {
    // `C O N F I D E N T I A L SECTION 01 OF 03 BAGHDAD 000759`, `UNCLAS STATE 100153`, `SECRET//NOFORN`.
    name: scope('markup.heading.banner'),
    begin: `${anchor}${BANNER_HEAD}`,
    beginCaptures: classificationCaptures(1),
    end: `${EOL}|^`,
    patterns: [
      {
        match: `\\b(${anyCase('SECTION')})${SP}+(\\d{1,3})${SP}+(${anyCase('OF')})${SP}+(\\d{1,3})\\b`,
        captures: {
          1: { name: scope('keyword.other.section') },
          2: { name: scope('constant.numeric.section') },
          3: { name: scope('keyword.other.section') },
          4: { name: scope('constant.numeric.section') },
        },
      },
      { include: '#handling' },
      { include: '#executive-order-mid-line' },
      { include: '#redaction' },
      // What is left of a banner line is the post (words) and the serial (digits).
      { name: scope('constant.numeric.serial'), match: `\\b${SERIAL}` },
      { name: scope('variable.other.post'), match: `${BANNER_POST_WORD}(?:${SP}+${BANNER_POST_WORD})*` },
    ],
  },
  executiveOrder(anchor),
  tags(anchor, `\\b${SP}*(:?)`),
  subject(anchor, `\\b${SP}*(:?)`),
  {
    // `REF: 2008 BAGHDAD 3475`, lettered lists (`A.`, `¶B.`, `1B.`, `(C)`, `b)`), `REF A ... / REF B ...`.
    name: scope('meta.references'),
    begin: `${anchor}(${REF_WORD})\\b${SP}*(?:(:)|([A-Z])(?=${SP}))?`,
    beginCaptures: {
      1: { name: scope('keyword.other.reference') },
      2: { name: scope('punctuation.separator.key-value') },
      3: { name: scope('variable.other.reference-letter') },
    },
    end: CAPTION_END,
    patterns: [
      { include: '#page-break' },
      {
        match: REF_LETTER,
        captures: {
          1: { name: scope('punctuation.definition.paragraph') },
          2: { name: scope('variable.other.reference-letter') },
        },
      },
      { name: scope('string.other.cited-cable'), match: CITED_CABLE },
      { name: scope('keyword.other.reference-qualifier'), match: '\\b(?:NOTAL|AND PREVIOUS)\\b' },
      { include: '#inline' },
      { include: '#sensitive-line' },
    ],
  },
  {
    // `CLASSIFIED BY: Name, Title. REASON: 1.4 (b)`, `(U) Classified By: ... for reasons 1.4 (b) and (d).`
    name: scope('meta.classified-by'),
    begin: `${anchor}(?:(\\([A-Za-z]{1,3}\\))${SP}*)?(${CLASSIFIED_BY})\\b${SP}*(:?)`,
    beginCaptures: {
      1: { patterns: [{ include: '#marking-any-case' }] },
      2: { name: scope('keyword.other.classified-by') },
      3: { name: scope('punctuation.separator.key-value') },
    },
    end: `^(?=${SP}*$|${SP}*${either(BODY_START, BANNER_HEAD)})`,
    patterns: [
      { name: scope('keyword.other.reason'), match: `\\b${anyCase('REASON')}[Ss]?\\b` },
      { name: scope('keyword.other.derived-from'), match: `\\b${anyCase('DERIVED')}${SP}+${anyCase('FROM')}\\b` },
      { name: scope('constant.numeric.reason'), match: '(?<![\\d.])1\\.[45](?![\\d.]\\d)' },
      {
        name: scope('constant.language.reason-category'),
        match: `\\(${SP}?[A-Ha-h](?:${SP}?(?:,|/|&|and|AND)${SP}?\\(?[A-Ha-h]\\)?){0,7}${SP}?\\)`,
      },
      { include: '#inline' },
      { include: '#sensitive-line' },
    ],
  },
];

/** What may start a line before its text: `BT`, a paragraph number, a list letter, a bullet, `SENSITIVE`. */
const lineMarkers = (anchor) =>
  oneOf(anchor, [
    {
      // `BT` around the text, the station serial repeated (`#0002`), `NNNN` at the very end (PlusD: `NNN`, `NMAFVVZCZ`).
      match: `(?:(BT)|(NNNN?|NMAFVVZCZ)|(#)(\\d{1,5}))${SP}*$`,
      captures: {
        1: { name: scope('keyword.control.break-text') },
        2: { name: scope('keyword.control.end-of-message') },
        3: { name: scope('punctuation.definition.station-serial') },
        4: { name: scope('constant.numeric.station-serial') },
      },
    },
    {
      // `¶1. (C)`, `11. (C)` (markdown export), `1.(C)` glued; the marking after a paragraph number is read
      // in any case, since `(c)` there is never a list letter.
      match: `(${PARAGRAPH_NUMBER})${SP}*(\\([^()\\n]{1,100}\\))?`,
      captures: {
        1: { name: scope('constant.numeric.paragraph-number') },
        2: { patterns: [{ include: '#marking-any-case' }] },
      },
    },
    {
      // Sub-paragraphs: `¶A.`/`1A.` (lettered, as rendered), `3.1.`, `(a)`, `a)`, `A)`, `(1)`, `1)`, `a.`, `ii.`.
      name: scope('markup.bold.list-item'),
      match: `(?:(?:¶|1(?=[A-Z]\\.))[A-Z]\\.|\\d{1,2}\\.\\d{1,2}\\.?|\\((?![CSU]\\))(?:[A-Za-z]|\\d{1,2}|[ivx]{2,4})\\)|(?:[A-Za-z]|\\d{1,2})\\)|(?:[a-z]|[ivx]{2,4})\\.)(?=${SP})`,
    },
    {
      name: scope('markup.bold.bullet'),
      // Alternatives, not a character class: Oniguruma cannot skip ahead on a class with non-ASCII letters.
      match: `(?:-{1,2}|\\*|–|—|•)(?=${SP}*[^\\s-])`,
    },
    // `SENSITIVE` alone, from the first column only (indented, it is text). Here rather than with the
    // inline rules: a `^` regex in the list searched through the line cost each search 1.0 µs of 7.7.
    ...(anchor === FIRST_COLUMN ? [sensitiveLine] : []),
  ]);

/**
 * The rest of a line, from where no line-start rule matched (column 0, or after a paragraph number ...)
 * to its newline, which it takes. It matches wherever a line-start rule does not, so the search through
 * the line-start rules stops there, and the rest of the line is searched for the few inline rules only.
 */
const restOfLine = (patterns, end = '\\n') => ({ begin: '(?=[^\\n])', end, patterns });

/**
 * A line that starts with two lower-case letters continues running text: no line-start rule, heading slot
 * or signature can match there (the lower-case `eo 12958`, `tags:` and `ii.` aside, which it leaves to
 * them). Anchored `^`, not `\G`: vscode-textmate gives `\G` a line's first column only when the frame on
 * top took the previous line's end, and a region taking each newline for that cost more (an extra regex in
 * the inline list, a search and a push a line) than `^` costs when it fails (it is tried at every position).
 */
const CONTINUES_RUNNING_TEXT = '^(?=[a-z][a-z])(?!eo|tag|[ivx]{2,4}\\.)';

/** Running text (see `running-text`) from where the match rule `start` matches. */
const runningText = (start) => ({
  begin: start.match,
  ...(start.captures ? { beginCaptures: start.captures } : {}),
  while: CONTINUES_RUNNING_TEXT,
  patterns: [{ include: '#inline' }],
});

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cable',
  scopeName: 'text.cable',
  fileTypes: ['cable'],
  patterns: [
    { include: '#preamble' },
    { include: '#heading-slot-after-blank' },
    { include: '#heading-slot-after-rule' },
    { include: '#body' },
  ],
  repository: {
    // ----------------------------------------------------------------------------- preamble & header
    preamble: {
      name: scope('meta.preamble'),
      // Not at all when the file starts with a paragraph (a pasted fragment): begin and end would then
      // match at the same place, which the engine treats as an endless loop. An indented first
      // paragraph does not end the preamble; the next one at column 0 does.
      begin: `\\A(?!${BODY_START})`,
      end: `^(?=${BODY_START})`,
      patterns: [
        { include: '#partial-extract-notice' },
        { include: '#export-record' },
        { include: '#routing-header' },
        { include: '#indented-line' },
        { include: '#line-start' },
        { include: '#rest-of-preamble-line' },
      ],
    },
    'partial-extract-notice': {
      name: scope('comment.line.notice'),
      match: '^This record is a partial extract of the original cable\\..*',
    },
    'export-record': {
      patterns: [
        {
          // CSV-like record (`<<240168>>`, date, ID, post, classification, refs) before a header copy.
          name: scope('comment.block.export-record'),
          begin: '^<<\\d+>>',
          end: `^(?=VZCZC|${SP}*$)`,
        },
        {
          // Raw record fields (`ID: 248711`, `ORIGIN:` ... `DESTINATION: VZCZC...` run together).
          name: scope('comment.line.export-record'),
          match: '^(?:ID|ORIGIN|DATE|SOURCE|CLASSIFICATION|MISC|DESTINATION):.*',
        },
      ],
    },
    'routing-header': {
      name: scope('meta.header.routing'),
      begin: HEADER_START,
      end: HEADER_END,
      patterns: [
        { include: '#transmission-line' },
        { include: '#teletype-line' },
        { include: '#routing-line' },
        { include: '#originator-line' },
        { include: '#security-line' },
        { include: '#dtg-line' },
        { include: '#from-line' },
        { include: '#address-line' },
      ],
    },
    'transmission-line': {
      // Format line 1: VZCZC, channel designator, channel serial (`VZCZCXRO4547`).
      match: '^(VZCZC)([A-Z]{2,3})(\\d{1,5})',
      captures: {
        1: { name: scope('keyword.control.transmission') },
        2: { name: scope('entity.name.type.channel') },
        3: { name: scope('constant.numeric.channel-serial') },
      },
    },
    'teletype-line': {
      // Teletype printout of partial extracts and PlusD: `PAGE 01 ...`, `ACTION AF-00`, office lists
      // ending `/033 R`, `DRAFTED BY`/`APPROVED BY`/`CLEARED BY` lines, dashed stamp.
      name: scope('comment.line.teletype'),
      match: `^${SP}*(?:PAGE${SP}+\\d{2}\\b|${PAGE_BREAK}|(?:(?:ACTION|INFO|ORIGIN)${SP}+)?[A-Z][A-Z0-9]*-\\d\\d\\b|-{6,}|/\\d{3}${SP}?[A-Z]\\b|(?:DRAFTED|APPROVED|CLEARED)${SP}+BY\\b).*`,
    },
    'routing-line': {
      // Format line 2 (`PP RUEHDE RUEHIHL`) and its continuation lines of routing indicators only.
      name: scope('meta.routing-indicators'),
      begin: `^(?=(?:ZZ|OO|PP|RR|YY)${SP}|${RI_LIST_LINE})`,
      end: EOL,
      patterns: [...precedenceRules((p) => `^${p.letter}${p.letter}\\b`), { include: '#routing-indicator' }],
    },
    'routing-indicator': {
      name: scope('entity.name.type.routing-indicator'),
      match: `\\b${ROUTING_INDICATOR}\\b`,
    },
    'originator-line': {
      // Format line 3: `DE RUEHBC #0002/01 0251427`.
      match: `^(DE)${SP}+(${ROUTING_INDICATOR})\\b(?:${SP}+(#)(\\d{1,5})(?:(/)(\\d{1,3}))?)?(?:${SP}+(\\d{7}))?`,
      captures: {
        1: { name: scope('keyword.other.prosign') },
        2: { name: scope('entity.name.type.routing-indicator') },
        3: { name: scope('punctuation.definition.station-serial') },
        4: { name: scope('constant.numeric.station-serial') },
        5: { name: scope('punctuation.separator.section') },
        6: { name: scope('constant.numeric.station-serial') },
        7: { name: scope('constant.numeric.filing-time') },
      },
    },
    'security-line': {
      // Format line 4: `ZNY CCCCC ZZH` (+ `(CCY ...)`).
      name: scope('meta.security-line'),
      begin: '^(?=ZN[YR]\\b)',
      end: EOL,
      patterns: [
        { name: scope('keyword.other.prosign'), match: '\\b(?:ZNY|ZNR|ZZH)\\b' },
        ...SECURITY_PROSIGNS.map((s) => ({
          name: scope(`constant.language.security-prosign.${s.level}`),
          match: `\\b${s.code}\\b`,
        })),
        { include: '#operating-note' },
      ],
    },
    'operating-note': {
      name: scope('comment.line.operating-note'),
      match: '\\(CCY[^()]{0,80}\\)',
    },
    'dtg-line': {
      // Format line 5: precedence + DTG (`P 251427Z JAN 09`, `O R 161415Z DEC 09`, `291359Z Nov 00`),
      // maybe with operating signals after it (`ZDK`, `ZDK CTG RUEHSD 0020 1580042`).
      name: scope('meta.dtg-line'),
      begin: `^(?=${PRECEDENCE_LINE_HEAD}|${BARE_DTG_LINE})`,
      end: EOL,
      patterns: [
        ...precedenceRules((p) => `(?:^|(?<=^[ZOPRY]${SP}))${p.letter}(?=${SP})`),
        { include: '#dtg' },
        { name: scope('keyword.other.operating-signal'), match: '\\bZ[A-Z]{2}\\b|\\bCTG\\b' },
        { include: '#routing-indicator' },
        { include: '#operating-note' },
        { name: scope('constant.numeric.serial'), match: '\\b\\d+\\b' },
      ],
    },
    dtg: {
      name: scope('constant.numeric.date-time-group'),
      match: DTG,
    },
    'from-line': {
      match: `^(FM)${SP}+(.*)`,
      captures: {
        1: { name: scope('keyword.other.address') },
        2: { name: scope('variable.other.station') },
      },
    },
    'address-line': {
      // TO/INFO/XMT lines and their continuations: `RUEHGB/AMEMBASSY BAGHDAD PRIORITY 0403`,
      // `ZEN/AMEMBASSY RIGA NIACT IMMEDIATE 0612-0615`, `AMEMBASSY NEW DELHI PRIORITY`.
      name: scope('meta.address'),
      contentName: scope('variable.other.station'),
      // ZEN stands where the routing indicator would be for an addressee served by other means.
      begin: `^(?=\\S)(?:(TO|INFO|XMT|CC)${SP}+)?(?:(?:(${ROUTING_INDICATOR})|(ZEN))(/))?`,
      beginCaptures: {
        1: { name: scope('keyword.other.address') },
        2: { name: scope('entity.name.type.routing-indicator') },
        3: { name: scope('keyword.other.operating-signal') },
        4: { name: scope('punctuation.separator.address') },
      },
      end: EOL,
      patterns: [
        ...precedenceRules((p) => `\\b${p.word}\\b`),
        { name: scope('constant.numeric.serial'), match: `\\b\\d{4}(?:-\\d{4})?(?=${SP}*$)` },
      ],
    },

    // ----------------------------------------------------------------------------- body
    body: {
      patterns: [
        { include: '#indented-line' },
        { include: '#line-start-regions' },
        // A paragraph number, a list letter ... and the running text after it, which is searched from
        // there with the inline rules: not first with the line-start rules again (26k searches, 7-9 µs).
        runningText(lineMarkers(FIRST_COLUMN)),
        { include: '#signature' },
        { include: '#running-text' },
      ],
    },
    'line-start': {
      patterns: [{ include: '#line-start-regions' }, lineMarkers(FIRST_COLUMN)],
    },
    'line-start-regions': {
      patterns: lineStartRegions(FIRST_COLUMN),
    },
    'indented-line': {
      // The same line-start rules after leading whitespace (` ¶3. (C)`, `   (a)`, ` CONFIDENTIAL`).
      begin: `${FIRST_COLUMN}${SP}+(?=\\S)`,
      end: `${EOL}|^`,
      patterns: [...lineStartRules(AFTER_INDENT), { include: '#rest-of-line' }],
    },
    'rest-of-line': restOfLine([{ include: '#inline' }]),
    // The rest of a body line, as `rest-of-line`, and the lines after it that continue running text: those
    // are searched once, with the inline rules, and not first with the line-start rules (42% of the
    // corpus lines start with two lower-case letters).
    'running-text': runningText({ match: '(?=[^\\n])' }),
    // A caption started mid-line can run on to the next line (`... E.O. 12958: DECL: ... TAGS: PREL` then
    // `PGOV`); when it ends at the start of a line, so does the rest of its first line.
    'rest-of-preamble-line': restOfLine([{ include: '#executive-order-mid-line' }, { include: '#inline' }], '\\n|^(?!\\G)'),
    inline: {
      patterns: [...sectionMarkerRules, { include: '#marking' }, { include: '#handling' }, { include: '#redaction' }],
    },
    'page-break': pageBreak(AT_LINE_START),
    'executive-order-mid-line': executiveOrder(EXECUTIVE_ORDER_MID_LINE),
    'tags-mid-line': tags('(?<=\\s)', '(:)'),
    'subject-mid-line': subject('(?<=\\s)', '(:)'),
    marking: {
      match: `(?<![\\w])${markingAnyLevel(false)}`,
      captures: MARKING_CAPTURES,
    },
    'marking-any-case': {
      match: markingAnyLevel(true),
      captures: MARKING_CAPTURES,
    },
    handling: {
      patterns: [handlingRule],
    },
    // In a caption's continuation lines; in the body and the preamble it is a line-start rule.
    'sensitive-line': { ...sensitiveLine, match: `^${SENSITIVE_LINE}` },
    redaction: {
      name: scope('invalid.deprecated.redaction'),
      match: `\\b${REDACTION_WORD}\\b`,
    },

    // ----------------------------------------------------------------------------- headings
    // A slot opens on a blank or rule line and closes after the next non-blank line, which is read as
    // a heading or signature when it has the shape; any other line closes the slot before it is read
    // and the body rules take it. Counted on the corpus: a lone upper-case word after a blank line is
    // more often the signer (`NEGRON`) than a heading, a lone capitalised word more often a heading
    // (`Iran`); between rule lines both are headings.
    'heading-slot-after-blank': {
      // An empty line is matched through its newline: `^$` would be tried at every position.
      begin: `${FIRST_COLUMN}(?:\\n|${SP}+$)`,
      end: HEADING_SLOT_END,
      applyEndPatternLast: 1,
      patterns: [
        { include: '#section-bare-line' },
        { name: scope('variable.other.signature'), match: `^(?!${KNOWN_LINE})${SP}*${SIGNATURE_UPPER}(?=${SP}*$)` },
        { include: '#heading' },
      ],
    },
    'heading-slot-after-rule': {
      begin: `${FIRST_COLUMN}${RULE_LINE}`,
      beginCaptures: { 0: { name: scope('punctuation.separator.rule') } },
      end: HEADING_SLOT_END,
      applyEndPatternLast: 1,
      patterns: [{ include: '#section-bare-line' }, { include: '#heading' }],
    },
    'section-bare-line': {
      match: `^${SP}*(?:${SECTION_MARKERS.map((w) => `(${w})`).join('|')})(?=${SP}*$)`,
      captures: Object.fromEntries(SECTION_MARKERS.map((w, i) => [i + 1, { name: scope(`keyword.control.${w.toLowerCase()}.begin`) }])),
    },
    heading: {
      name: scope('markup.heading.section'),
      match: `^${HEADING_SHAPE}(?!${KNOWN_LINE})${SP}*.*\\S`,
    },
    signature: {
      // A lone name right under the last paragraph (`LEWIS`, `Danilovich`); after a blank line see above.
      // After the line-start rules, so every rule that owns a line from its first column comes first; not
      // a lone word that an inline rule takes from the first column (`SIPDIS`, `XXXXXXXX`). Searched only at
      // the first column: in the list searched through the line it cost each search 1.7 µs of 7.7.
      name: scope('variable.other.signature'),
      match: `${FIRST_COLUMN}(?!${SECTION_BARE_LINE}|${HANDLING_WORD}\\b|${REDACTION_WORD}\\b)(?:${SIGNATURE_UPPER}|${SIGNATURE_CAPITALISED})(?=${SP}*$)`,
    },
  },
};

export default grammar;

/**
 * `contributes.languages[0].firstLine` in package.json (checked by `build-grammar.mjs --check`): what the
 * first line of a cable file can be. VS Code only reads the first line, only when no extension or
 * file-name association claims the file (so never for `.txt`, which plain text owns), and never an empty
 * first line, so the markdown export's leading blank lines cannot be recognised this way.
 */
export const firstLine = `^(?:VZCZC[A-Z]{2,3}\\d|${PRECEDENCE_LINE_HEAD}|${TELETYPE_HEAD}|This record is a partial extract of the original cable|${SP}*${BANNER_HEAD})`;
