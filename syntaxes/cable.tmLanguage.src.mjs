// Source of the Cable TextMate grammar (scope `text.cable`).
// `node scripts/build-grammar.mjs` turns it into syntaxes/cable.tmLanguage.json; a test checks that the
// committed JSON is what this file produces. Written as a JS module (not YAML) so that regex fragments are
// plain constants composed by template strings: no second copy of a regex, no extra dependency.
//
// Regex dialect: the subset shared by Oniguruma (what VS Code runs) and JavaScript (what the ReDoS test
// feeds to recheck). So no (?i) flags: case-insensitive words are spelled out by `anyCase`. Every regex
// must stay linear on 5,000-character lines: no nested quantifiers over overlapping text, lazy `.*?` only
// when nothing after it can also eat the same characters.
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
//   heading slot     after a blank or rule line: a short line is a section heading, a lone all-caps word
//                    a signature (a heuristic: TextMate cannot see the end of the file).

const SUFFIX = 'cable';
/** Every scope ends in `.cable` so themes and users can target the language. */
const scope = (name) => `${name}.${SUFFIX}`;

// ---------------------------------------------------------------------------------------------------
// Regex building blocks
// ---------------------------------------------------------------------------------------------------

/** A literal word in any letter case, without the (?i) flag that JavaScript regexes lack. */
const anyCase = (text) => text.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
/** A word written letter-spaced ("S E C R E T") or solid ("SECRET"), in any case. */
const letterSpaced = (word) => [...word].map(anyCase).join(' ?');
const either = (...alternatives) => `(?:${alternatives.join('|')})`;
const words = (list) => either(...list);

const SP = '[ \\t]';
const LINE_START = `^${SP}*`;
/** Start of a caption that may follow other text on the same line (run-together preambles). */
const AFTER_SPACE = '(?<=\\s)';

const MONTH = words(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].map(anyCase));
/** Date-time group: day, hour, minute, zone Z, month, two-digit year (`251427Z JAN 09`). */
const DTG = `\\d{6}Z${SP}+${MONTH}${SP}+\\d{2}\\b`;
/** Routing indicator: five to eight letters starting with R (RUEHBC, RHMFISS). */
const ROUTING_INDICATOR = 'R[A-Z]{4,7}';
const RI_TOKEN = `\\b${ROUTING_INDICATOR}\\b`;
/** Post name as written in banners and page breaks: up to four words (RIO DE JANEIRO, state, Kabul). */
const POST = `[A-Za-z][A-Za-z.'’-]*(?:${SP}[A-Za-z][A-Za-z.'’-]*){0,3}`;
const DATE_SLASHED = '\\b\\d{1,4}/\\d{1,2}/\\d{2,4}\\b';
const WEEKDAY = words(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const MONTH_NAME = words(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December']);
/** The viewer's creation-date line before the banner: `Friday, 18 December 2009, 11:04`. */
const DATE_LINE = `${WEEKDAY},${SP}+\\d{1,2}${SP}+${MONTH_NAME}${SP}+\\d{4},${SP}+\\d{1,2}:\\d{2}`;

// Classification levels. `full` matches the banner word letter-spaced or solid; `truncated` the damaged
// form that lost its first letter (`E C R E T`); a stray doubled letter (`SS E C R E T`, `CSE C R E T`)
// is matched separately so it can be marked invalid.
const CLASSIFICATIONS = [
  { level: 'top-secret', full: `${letterSpaced('TOP')}${SP}{0,3}${letterSpaced('SECRET')}`, word: 'TOP SECRET' },
  { level: 'secret', full: letterSpaced('SECRET'), word: 'SECRET' },
  { level: 'confidential', full: letterSpaced('CONFIDENTIAL'), word: 'CONFIDENTIAL' },
  { level: 'unclassified', full: `${letterSpaced('UNCLAS')}(?: ?${letterSpaced('SIFIED')})?`, word: 'UNCLAS' },
].map((c) => ({ ...c, truncated: letterSpaced(c.word.slice(1)) }));

/** Classification word with optional stray letter; capture 1 = stray letter, capture 2 = the word. */
const classificationWord = (c) => `(?:([A-Z])(?=${c.full}))?(${c.full}|${c.truncated})\\b`;
const ANY_CLASSIFICATION = either(...CLASSIFICATIONS.map((c) => `(?:[A-Z](?=${c.full}))?(?:${c.full}|${c.truncated})`));
/** What may follow the classification word on a banner line (so `Secret talks began ...` is not one). */
const BANNER_TAIL = `(?=${SP}*$|${SP}*/|${SP}+${either(anyCase('SECTION'), anyCase('EFTO'))}\\b|${SP}+${POST}${SP}+\\d{2,8}\\b|${SP}+[A-Z]{3}\\d{3,}\\b)`;
const BANNER_HEAD = `${ANY_CLASSIFICATION}\\b${BANNER_TAIL}`;

// Portion markings: level, then dissemination controls (`(S//NF)`, `(C/REL NATO)`, `(S//FGI//NF)`,
// `(C NF)`, `(S/REL TO USA, FVEY)`). The REL list comes last so its words cannot be read as controls.
const MARKING_LEVELS = [
  { level: 'top-secret', code: 'TS' },
  { level: 'secret', code: 'S' },
  { level: 'confidential', code: 'C' },
  { level: 'sbu', code: 'SBU(?:-N)?' },
  { level: 'unclassified', code: 'U' },
];
const CONTROL_WORDS = ['NF', 'NOFORN', 'FGI', 'FOUO', 'ORCON', 'PROPIN', 'EXDIS', 'NODIS', 'LIMDIS'];
const markingBody = (levelCode, anyLetterCase) => {
  const cased = (text) => (anyLetterCase ? anyCase(text) : text);
  const separator = '(?:\\s?/{1,2}\\s?|\\s)';
  const controls = `(?:${separator}${words(CONTROL_WORDS.map(cased))}){0,4}`;
  const relList = `(?:\\s[A-Za-z]{1,20}(?:,?\\s[A-Za-z]{1,20}){0,12})?`;
  const rel = `(?:${separator}${anyCase('REL')}(?:\\s${anyCase('TO')})?${relList})?`;
  return `(\\()\\s?(${cased(levelCode)})(${controls}${rel})\\s?(\\))`;
};
/** Start of any portion marking, for lookaheads that only need to know one begins here. */
const MARKING_START = `\\(\\s?${words(MARKING_LEVELS.map((m) => m.code))}[\\s/)]`;

/** Paragraph number: `¶1.`, `1.`, the markdown export's `11.`; not `3.1.` sub-numbering. */
const PARAGRAPH_NUMBER = '¶?\\d{1,3}\\.(?!\\d)';

const EO_WORD = '[Ee]\\.?[ ]?[Oo]\\.?';
const EO_HEAD = `${EO_WORD}${SP}*\\d{5}`;
const TAGS_WORD = either('TAGS?', 'Tags?', 'tags?');
// Mixed-case caption words need their colon, so `Subject to approval ...` in running text is no caption.
const SUBJECT_WORD = either('SUBJECT', 'SUBJ', 'Subject(?=:)', 'Subj(?=:)');
const REF_WORD = either('REF(?:TEL)?S?', 'REFERENCES?', 'Ref(?:tel)?s?(?=:)');
const CLASSIFIED_BY = `${anyCase('CLASSIFIED')}${SP}+${anyCase('BY')}`;
/** Classification authority line, possibly after its own portion marking: `(U) Classified by ...`. */
const CLASSIFIED_START = `(?:\\([A-Za-z]{1,3}\\)${SP}*)?${CLASSIFIED_BY}\\b`;

/** Captions that begin a new part of the preamble; they end the caption before them. */
const CAPTION_START = either(`${EO_HEAD}`, `${TAGS_WORD}\\b`, `${SUBJECT_WORD}\\b`, `${REF_WORD}\\b`, CLASSIFIED_START);
/** Lines where a caption region (SUBJECT, REF, CLASSIFIED BY) stops. */
const CAPTION_END = `^(?=${SP}*$|${SP}*${either(CAPTION_START, PARAGRAPH_NUMBER, BANNER_HEAD)})`;
/** The body starts at the first numbered or marked paragraph, or at the classification authority. */
const BODY_START = `${SP}*${either(PARAGRAPH_NUMBER, MARKING_START, CLASSIFIED_START)}`;

const HANDLING_CAPTIONS = [
  { name: 'sipdis', re: anyCase('SIPDIS') },
  { name: 'noforn', re: anyCase('NOFORN') },
  { name: 'nodis', re: either('NODIS', 'Nodis') },
  { name: 'exdis', re: either('EXDIS', 'Exdis') },
  { name: 'limdis', re: either('LIMDIS', 'Limdis') },
  { name: 'stadis', re: 'STADIS' },
  { name: 'specat', re: 'SPECAT' },
  { name: 'orcon', re: 'ORCON' },
  { name: 'efto', re: 'EFTO' },
  { name: 'sbu', re: `${anyCase('SENSITIVE')}${SP}+${anyCase('BUT')}${SP}+${anyCase('UNCLASSIFIED')}` },
  { name: 'fouo', re: `${anyCase('FOR')}${SP}+${anyCase('OFFICIAL')}${SP}+${anyCase('USE')}${SP}+${anyCase('ONLY')}` },
  { name: 'limited-official-use', re: `LIMITED${SP}+OFFICIAL${SP}+USE` },
];
const HANDLING_WORD = words(HANDLING_CAPTIONS.map((h) => h.re));
/** A caption line of its own between banner and E.O. line (`SIPDIS`, `NOFORN`, `SENSITIVE`). */
const HANDLING_LINE = `${either(HANDLING_WORD, 'SENSITIVE', 'Sensitive')}${SP}*$`;

/** Summary/comment/note delimiters, in any case: `SUMMARY:`, `End summary.`, `(Note: ... End Note.)`. */
const SECTION_MARKERS = ['SUMMARY', 'COMMENT', 'NOTE', 'BACKGROUND', 'TEXT', 'QUOTE'];
const sectionEnd = (wordRe) => `\\b${anyCase('END')}${SP}+${wordRe}\\b\\.?`;
/** `SUMMARY:`, `Begin text:`, `COMMENT CONTINUED:`. */
const sectionBegin = (wordRe) => `\\b(?:${anyCase('BEGIN')}${SP}+)?${wordRe}(?:${SP}+${anyCase('CONTINUED')})?${SP}*:`;
/** The upper-case word alone on its line (`SUMMARY`), used as a heading. */
const sectionBareLine = (upperWordRe) => `${upperWordRe}${SP}*$`;
const SECTION_MARKER_START = either(sectionEnd(words(SECTION_MARKERS.map(anyCase))),
  sectionBegin(words(SECTION_MARKERS.map(anyCase))), sectionBareLine(words(SECTION_MARKERS)));

const PAGE_BREAK = either(
  `${POST}${SP}+\\d{8}${SP}+\\d{3}(?:\\.\\d{1,2})?${SP}+${anyCase('OF')}${SP}+\\d{3}\\b`,
  `PAGE${SP}+\\d{2}${SP}+${POST}${SP}+\\d{4,8}\\b(?:${SP}+\\d{2}${SP}+OF${SP}+\\d{2}\\b)?(?:${SP}+\\d{6}Z)?`,
);
const TELETYPE_HEAD = either(`PAGE${SP}+01${SP}`, `${either('ACTION', 'INFO', 'ORIGIN')}${SP}+[A-Z][A-Z0-9]*-\\d\\d\\b`);
const PRECEDENCE_LINE_HEAD = `[ZOPRY](?:${SP}[ZOPRY])?${SP}+${DTG}`;
const EXPORT_RECORD_HEAD = either('<<\\d+>>', `ID:${SP}*\\d+${SP}*$`);
const RI_LIST_LINE = `${SP}*${ROUTING_INDICATOR}(?:${SP}+${ROUTING_INDICATOR})*${SP}*$`;

/** Where the routing header stops: everything that is not part of it. */
const HEADER_END = `^(?=${SP}*${either(BANNER_HEAD, DATE_LINE, EXPORT_RECORD_HEAD, HANDLING_LINE, CAPTION_START, PARAGRAPH_NUMBER, MARKING_START)})`;
const HEADER_START = `^(?=VZCZC|${PRECEDENCE_LINE_HEAD}|\\d{6}Z${SP}+${MONTH}${SP}+\\d{2}${SP}*$|${TELETYPE_HEAD}|FM${SP})`;

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
/** A line that only continues the TAGS list (`KJUS, KHLS, GM`); not a lone caption word like SIPDIS. */
const TAGS_CONTINUATION = `${SP}*(?!${HANDLING_WORD}\\b)${TAG_ITEM}(?:(?:[,;]${SP}*|${SP}+)${TAG_ITEM})*[,;]?${SP}*$`;

/** Cited cable in a REF list: `2008 BAGHDAD 3475`, `STATE 123`, `BUENOS AIRES 000153`, `09 state 122115`. */
const REF_STOP_WORD = `${words(['OF', 'AND', 'ON', 'IN', 'AT', 'TO', 'THE', 'DATED', 'FROM', 'PARA', 'PARAS', 'PAGE',
  'SECTION', 'NO', 'NUMBER', 'REF', 'REFTEL', 'PARAGRAPH'])}\\b`;
const REF_POST_WORD = `(?!${REF_STOP_WORD})(?!${MONTH}\\b)[A-Z][A-Za-z]+`;
const CITED_CABLE = `\\b(?:(?:19|20)?\\d{2}${SP}+)?(?:${REF_POST_WORD}(?:${SP}${REF_POST_WORD}){0,2}|[a-z]{4,}(?:${SP}[a-z]{4,}){0,2})${SP}+\\d{1,6}\\b(?![/:.]\\d)`;
const REF_LETTER = `(?:^|(?<=\\s))${SP}*(¶|1(?=[A-Za-z][.)]\\s))?(\\([A-Za-z]\\)|[A-Za-z][.)])(?=\\s)`;

const REDACTION = '(?<![A-Za-z])(?:X{4,}|x{4,})(?![A-Za-z])';

// Heading slot: what a line after a blank (or rule) line must look like to be a heading or a signature.
const RULE_LINE = `${SP}*(?:-{3,}|(?:-${SP}){2,}-|_{3,}|={3,})${SP}*$`;
/** Line kinds that have their own rule and are never headings or signatures. */
const KNOWN_LINE = `${SP}*${either(BANNER_HEAD, CAPTION_START, PARAGRAPH_NUMBER, MARKING_START, PAGE_BREAK,
  `${HANDLING_WORD}\\b`, `SENSITIVE${SP}*$`, SECTION_MARKER_START, `(?:BT|NNNN)${SP}*$`, '[Xx]{4}',
  DATE_LINE, `[A-Za-z]\\)`, `[A-Z]\\.${SP}`)}`;
/** A heading: starts with a capital or a quote, at most 50 characters, no closing sentence punctuation. */
const HEADING_SHAPE = `(?=${SP}*["“‘']?[A-Z])(?=.{0,49}[^\\s.,;:]\\s*$)(?!.*\\d{5})`;
const SIGNATURE = `(?:Mc|Mac)?[A-Z][A-Z'’-]*[A-Z]`;

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

const precedenceRules = (position) => PRECEDENCES.map((p) => ({
  name: scope(`constant.language.precedence.${p.level}`),
  match: position(p),
}));

const markingRules = (anyLetterCase) => MARKING_LEVELS.map((m) => ({
  name: scope(`constant.language.marking.${m.level}`),
  match: `${anyLetterCase ? '' : '(?<![\\w])'}${markingBody(m.code, anyLetterCase)}`,
  captures: {
    1: { name: scope('punctuation.definition.marking.begin') },
    3: { name: scope('punctuation.separator.marking-controls') },
    4: { name: scope('punctuation.definition.marking.end') },
  },
}));

const classificationRules = CLASSIFICATIONS.map((c) => ({
  match: classificationWord(c),
  captures: {
    1: { name: scope('invalid.illegal.damaged-classification') },
    2: { name: scope(`constant.language.classification.${c.level}`) },
  },
}));

const handlingRules = HANDLING_CAPTIONS.map((h) => ({
  name: scope(`support.type.caption.${h.name}`),
  match: `\\b${h.re}\\b`,
}));

const sectionMarkerRules = SECTION_MARKERS.flatMap((word) => [
  { name: scope(`keyword.control.${word.toLowerCase()}.end`), match: sectionEnd(anyCase(word)) },
  { name: scope(`keyword.control.${word.toLowerCase()}.begin`), match: `${sectionBegin(anyCase(word))}|^${SP}*${sectionBareLine(word)}` },
]);

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cable',
  scopeName: 'text.cable',
  fileTypes: ['cable'],
  patterns: [
    { include: '#preamble' },
    { include: '#heading-slot' },
    { include: '#body' },
  ],
  repository: {
    // ----------------------------------------------------------------------------- preamble & header
    preamble: {
      name: scope('meta.preamble'),
      // Not at all when the file starts with a paragraph (a pasted fragment): begin and end would then
      // match at the same place, which the engine treats as an endless loop.
      begin: `\\A(?!${BODY_START})`,
      end: `^(?=${BODY_START})`,
      patterns: [
        { include: '#partial-extract-notice' },
        { include: '#export-record' },
        { include: '#routing-header' },
        { include: '#body' },
      ],
    },
    'partial-extract-notice': {
      name: scope('comment.line.notice'),
      match: '^This record is a partial extract of the original cable\\..*$',
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
          match: `^(?:ID|ORIGIN|DATE|SOURCE|CLASSIFICATION|MISC|DESTINATION):.*$`,
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
      // Teletype printout of partial extracts: `PAGE 01 ...`, `ACTION AF-00`, office lists, dashed stamp.
      name: scope('comment.line.teletype'),
      match: `^${SP}*(?:PAGE${SP}+\\d{2}\\b|(?:(?:ACTION|INFO|ORIGIN)${SP}+)?[A-Z][A-Z0-9]*-\\d\\d\\b|-{6,}|/\\d{3}[A-Z]\\b).*$`,
    },
    'routing-line': {
      // Format line 2 (`PP RUEHDE RUEHIHL`) and its continuation lines of routing indicators only.
      name: scope('meta.routing-indicators'),
      begin: `^(?=(?:ZZ|OO|PP|RR|YY)${SP}|${RI_LIST_LINE})`,
      end: '$',
      patterns: [
        ...precedenceRules((p) => `^${p.letter}${p.letter}\\b`),
        { include: '#routing-indicator' },
      ],
    },
    'routing-indicator': {
      name: scope('entity.name.type.routing-indicator'),
      match: RI_TOKEN,
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
      begin: `^(?=ZN[YR]\\b)`,
      end: '$',
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
      match: '\\(CCY[^)]*\\)',
    },
    'dtg-line': {
      // Format line 5: precedence + DTG (`P 251427Z JAN 09`, `O R 161415Z DEC 09`, `291359Z Nov 00`),
      // maybe with operating signals after it (`ZDK`, `ZDK CTG RUEHSD 0020 1580042`).
      name: scope('meta.dtg-line'),
      begin: `^(?=${PRECEDENCE_LINE_HEAD}|\\d{6}Z${SP}+${MONTH}${SP}+\\d{2}${SP}*$)`,
      end: '$',
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
      match: `^(FM)${SP}+(.*)$`,
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
      begin: `^(?=\\S)(?:(TO|INFO|XMT|CC)${SP}+)?(?:(${ROUTING_INDICATOR}|ZEN)(/))?`,
      beginCaptures: {
        1: { name: scope('keyword.other.address') },
        2: { name: scope('entity.name.type.routing-indicator') },
        3: { name: scope('punctuation.separator.address') },
      },
      end: '$',
      patterns: [
        ...precedenceRules((p) => `\\b${p.word}\\b`),
        { name: scope('constant.numeric.serial'), match: `\\b\\d{4}(?:-\\d{4})?(?=${SP}*$)` },
      ],
    },

    // ----------------------------------------------------------------------------- body
    body: {
      patterns: [
        { include: '#date-line' },
        { include: '#page-break' },
        { include: '#banner' },
        { include: '#executive-order' },
        { include: '#tags' },
        { include: '#subject' },
        { include: '#references' },
        { include: '#classified-by' },
        { include: '#end-of-message' },
        { include: '#paragraph-number' },
        { include: '#list-item' },
        { include: '#rule-line' },
        { include: '#bullet' },
        { include: '#inline' },
      ],
    },
    inline: {
      patterns: [
        { include: '#section-marker' },
        { include: '#marking' },
        { include: '#handling' },
        { include: '#redaction' },
      ],
    },
    'date-line': {
      name: scope('comment.line.date'),
      match: `^${SP}*${DATE_LINE}${SP}*$`,
    },
    'page-break': {
      // `ASTANA 00000095 002 OF 003`, `CARACAS 00001333 001.2 OF 003`, `PAGE 02 HARARE 06677 01 OF 03 291400Z`.
      name: scope('comment.line.page-break'),
      match: `^${SP}*${PAGE_BREAK}`,
    },
    banner: {
      // `C O N F I D E N T I A L SECTION 01 OF 03 BAGHDAD 000759`, `UNCLAS STATE 100153`, `SECRET//NOFORN`.
      name: scope('markup.heading.banner'),
      begin: `^${SP}*(?=${BANNER_HEAD})`,
      // Run-together preambles continue with SIPDIS or the E.O. line on the same line.
      end: `$|(?=${SP}(?:${HANDLING_WORD}|${EO_HEAD})\\b)`,
      patterns: [
        ...classificationRules,
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
        {
          match: `(${POST})${SP}+(\\d{2,8})\\b`,
          captures: {
            1: { name: scope('variable.other.post') },
            2: { name: scope('constant.numeric.serial') },
          },
        },
        { include: '#redaction' },
      ],
    },
    'executive-order': {
      // `E.O. 12958: DECL: 1/25/2019`, `EO 12958 DECL: 2019/12/16`, `E.O. 12958: N/A`, mid-line after SIPDIS.
      name: scope('meta.executive-order'),
      begin: `(?:${LINE_START}|${AFTER_SPACE}(?=${EO_HEAD}:?${SP}*(?:[Dd][Ee][Cc][Ll]|N/A)))(${EO_WORD})${SP}*(\\d{5})(:?)`,
      beginCaptures: {
        1: { name: scope('keyword.other.executive-order') },
        2: { name: scope('constant.numeric.executive-order') },
        3: { name: scope('punctuation.separator.key-value') },
      },
      end: `$|${AFTER_SPACE}(?=${TAGS_WORD}:)`,
      patterns: [
        { name: scope('keyword.other.declassify'), match: `\\b${anyCase('DECL')}(?:${anyCase('ASSIFY')}|L)?\\b:?` },
        { name: scope('constant.numeric.date'), match: DATE_SLASHED },
        { name: scope('constant.language.not-applicable'), match: '\\bN/A\\b' },
        {
          name: scope('constant.language.declassification-exemption'),
          match: '\\b(?:OADR|MR|X[1-8]|25X[1-9]|50X[12](?:-[A-Z]+)?|DNG|GDS)\\b',
        },
      ],
    },
    tags: {
      // `TAGS: PGOV PREL IZ`, `TAGS PREL, PGOV`, `Tags: prel, pgov`, `TAGS: [PGOV](#) [PINS](#)`;
      // continues on lines of codes only; ends before a SUBJECT on the same line.
      name: scope('meta.tags'),
      begin: `(?:${LINE_START}(${TAGS_WORD})\\b(:?)|${AFTER_SPACE}(${TAGS_WORD})(:))`,
      beginCaptures: {
        1: { name: scope('keyword.other.tags') },
        2: { name: scope('punctuation.separator.key-value') },
        3: { name: scope('keyword.other.tags') },
        4: { name: scope('punctuation.separator.key-value') },
      },
      end: `^(?!${TAGS_CONTINUATION})|${AFTER_SPACE}(?=${SUBJECT_WORD}:)`,
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
        { name: scope('entity.name.tag'), match: `(?<![\\w-])${TAG_CODE}(?![\\w-])` },
      ],
    },
    subject: {
      name: scope('meta.subject'),
      contentName: scope('string.unquoted.subject'),
      begin: `(?:${LINE_START}(${SUBJECT_WORD})\\b${SP}*(:?)|${AFTER_SPACE}(${SUBJECT_WORD})(:))`,
      beginCaptures: {
        1: { name: scope('keyword.other.subject') },
        2: { name: scope('punctuation.separator.key-value') },
        3: { name: scope('keyword.other.subject') },
        4: { name: scope('punctuation.separator.key-value') },
      },
      end: CAPTION_END,
      patterns: [{ include: '#page-break' }, { include: '#marking-any-case' }, { include: '#inline' }],
    },
    references: {
      // `REF: 2008 BAGHDAD 3475`, lettered lists (`A.`, `¶B.`, `1B.`, `(C)`, `b)`), `REF A ... / REF B ...`.
      name: scope('meta.references'),
      begin: `${LINE_START}(${REF_WORD})\\b${SP}*(:?)`,
      beginCaptures: {
        1: { name: scope('keyword.other.reference') },
        2: { name: scope('punctuation.separator.key-value') },
      },
      end: CAPTION_END,
      patterns: [
        { include: '#page-break' },
        {
          match: `\\b(${REF_WORD})${SP}+([A-Z])(?=${SP})`,
          captures: {
            1: { name: scope('keyword.other.reference') },
            2: { name: scope('variable.other.reference-letter') },
          },
        },
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
      ],
    },
    'classified-by': {
      // `CLASSIFIED BY: Name, Title. REASON: 1.4 (b)`, `Classified By: ... for reasons 1.4 (b) and (d).`
      name: scope('meta.classified-by'),
      begin: `${LINE_START}(\\([A-Za-z]{1,3}\\))?${SP}*(${CLASSIFIED_BY})\\b${SP}*(:?)`,
      beginCaptures: {
        1: { patterns: [{ include: '#marking-any-case' }] },
        2: { name: scope('keyword.other.classified-by') },
        3: { name: scope('punctuation.separator.key-value') },
      },
      end: `^(?=${SP}*$|${BODY_START}|${SP}*${BANNER_HEAD})`,
      patterns: [
        { name: scope('keyword.other.reason'), match: `\\b${anyCase('REASON')}S?\\b` },
        { name: scope('keyword.other.derived-from'), match: `\\b${anyCase('DERIVED')}${SP}+${anyCase('FROM')}\\b` },
        { name: scope('constant.numeric.reason'), match: '(?<![\\d.])1\\.[45](?![\\d.]\\d)' },
        {
          name: scope('constant.language.reason-category'),
          match: `\\(${SP}?[A-Ha-h](?:${SP}?(?:,|/|&|and|AND)${SP}?\\(?[A-Ha-h]\\)?){0,7}${SP}?\\)`,
        },
        { include: '#inline' },
      ],
    },
    'end-of-message': {
      match: `^${SP}*(?:(BT)|(NNNN))${SP}*$`,
      captures: {
        1: { name: scope('keyword.control.break-text') },
        2: { name: scope('keyword.control.end-of-message') },
      },
    },
    'paragraph-number': {
      // `¶1. (C)`, `11. (C)` (markdown export), `1.(C)` glued, ` ¶3. (s/nf)`; the marking after a paragraph
      // number is read in any case, since `(c)` there is never a list letter.
      match: `^${SP}*(${PARAGRAPH_NUMBER})${SP}*(\\([^()\\n]{1,100}\\))?`,
      captures: {
        1: { name: scope('constant.numeric.paragraph-number') },
        2: { patterns: [{ include: '#marking-any-case' }] },
      },
    },
    'list-item': {
      // Sub-paragraphs: `¶A.`/`1A.` (lettered, as rendered), `3.1.`, `(a)`, `a)`, `(1)`, `1)`, `a.`, `ii.`.
      name: scope('markup.bold.list-item'),
      match: `^${SP}*(?:(?:¶|1(?=[A-Z]\\.))[A-Z]\\.|\\d{1,2}\\.\\d{1,2}\\.?|\\((?![CSU]\\))(?:[A-Za-z]|\\d{1,2}|[ivx]{2,4})\\)|(?:[a-z]|\\d{1,2})\\)|(?:[a-z]|[ivx]{2,4})\\.)(?=${SP})`,
    },
    'rule-line': {
      name: scope('punctuation.separator.rule'),
      match: `^${RULE_LINE}`,
    },
    bullet: {
      name: scope('markup.bold.bullet'),
      match: `^${SP}*(?:-{1,2}|[–—*•])(?=${SP}*[^\\s-])`,
    },
    'section-marker': { patterns: sectionMarkerRules },
    marking: { patterns: markingRules(false) },
    'marking-any-case': { patterns: markingRules(true) },
    handling: {
      patterns: [
        ...handlingRules,
        { name: scope('support.type.caption.sensitive'), match: `^${SP}*${either('SENSITIVE', 'Sensitive')}(?=${SP}*$)` },
      ],
    },
    redaction: {
      name: scope('invalid.deprecated.redaction'),
      match: REDACTION,
    },

    // ----------------------------------------------------------------------------- headings
    'heading-slot': {
      // Opens on a blank or rule line and closes after the next non-blank line, which is a section
      // heading (`Security: Election Day and Beyond`, `Iran`) or a signature (`NEGRON`) when it has the
      // shape; any other line closes the slot before it is read, and the body rules take it.
      begin: `^(?:${SP}*$|(${RULE_LINE}))`,
      beginCaptures: { 1: { name: scope('punctuation.separator.rule') } },
      end: `(?!\\G)(?<=\\S)${SP}*$|^(?=${SP}*\\S)`,
      applyEndPatternLast: 1,
      patterns: [
        {
          name: scope('variable.other.signature'),
          match: `^(?!${KNOWN_LINE})${SP}*${SIGNATURE}(?=${SP}*$)`,
        },
        {
          name: scope('markup.heading.section'),
          match: `^${HEADING_SHAPE}(?!${KNOWN_LINE})${SP}*.*\\S`,
        },
      ],
    },
  },
};

export default grammar;
