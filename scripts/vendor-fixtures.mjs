// Copies a representative sample of the shared corpus into test/fixtures/corpus-sample/, so a
// fresh clone without ../shared still tests every form: both renderings and their metadata.
//   node scripts/vendor-fixtures.mjs [CORPUS_DIR]   (default ../shared/corpus/cablegate)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const corpus = process.argv[2] ?? '../shared/corpus/cablegate';
const out = new URL('../test/fixtures/corpus-sample/', import.meta.url).pathname;

// Each cable stands for a form listed in the corpus's STATS.md.
const SAMPLE = {
  '00HARARE6677': 'partial extract with teletype printout, 2-digit DECL year, REFTEL, 1.5 reasons',
  '02BRASILIA4227': 'paragraph numbers glued to markings, no pilcrows',
  '03ABUDHABI2641': 'e-mail printout with a banner-like line above the real banner',
  '04ANKARA348': 'mixed-case banner, bare DTG line, lower-case TAGS',
  '04MADRID3914': 'REF entries lettered A)',
  '05ANKARA1730': 'partial extract, REF letters as pilcrow anchors',
  '05MADRID4026': 'REF entries lettered (A)',
  '05RIODEJANEIRO1238': 'post with spaces, E.O. and TAGS on one line',
  '06MADRID2657': 'cited by 06MADRID3104 and 07MADRID173',
  '06MADRID3104': 'cites 06MADRID2657, cited by 07MADRID173',
  '06VIENNA515': 'REF entries lettered a)',
  '07MADRID173': 'cites two cables of the sample',
  '07SANAA473': 'damaged banner E C R E T',
  '07TALLINN366': 'N) paragraph numbers',
  '08BERLIN1068': 'lower-case E.O. line and Tags',
  '08BRASILIA429': 'E.O. and TAGS on one line, no TAGS line',
  '08LONDON1991': 'metadata says NOFORN, text has no NOFORN caption',
  '08STATE90980': '(1) sub-paragraphs, STATE cable',
  '08TUNIS679': 'damaged banner SS E C R E T',
  '09BEIJING1378': 'damaged banner CC O N F I D E N T I A L',
  '09BERLIN1626': 'no TAGS line',
  '09CARACAS1333': 'page break inside the REF block, glued paragraph',
  '09CHISINAU694': "body is another post's cable",
  '09DOHA214': 'e-mail printout, CX lines, TAG:, REF entries separated by spaces',
  '09ISLAMABAD3037': 'duplicated preamble, date line before the banner',
  '09KAMPALA1197': 'glued first paragraph without a pilcrow',
  '09LAPAZ96': 'no banner: ID from FM and DE lines',
  '09MOSCOW1108': 'body is a Shenyang cable, damaged banner CSE C R E T',
  '09NAIROBI2497': 'raw export record and a second routing header before the banner',
  '09PESHAWAR41': 'single paragraph 8 of a fragment',
  '09RPODUBAI379': 'RPO DUBAI post',
  '09STATE34688': 'STATE cable, E.O. 12958 without colon',
  '09TRIPOLI65': 'fragment whose paragraphs start at 2, indented paragraph',
  '10BAGHDAD290': 'damaged banner O N F I D E N T I A L',
  '10BEIJING207': 'raw export record with redacted banner',
  '10BERLIN180': 'raw export record, TAGS on two lines, broken word',
  '10BOGOTA243': 'handling captions on the banner line',
  '10ISLAMABAD399': 'repeated paragraph numbers, glued labels',
  '10MEXICO614': 'body is an Islamabad cable',
  '10SHENYANG4': 'redacted post in the banner: ID from the header',
  '66BUENOSAIRES2481': '1966 cable, UNCLASSIFIED banner',
  '72TEHRAN1164': '1972 cable, E.O. AS AMENDED',
  '88BAGHDAD28': 'body is a 2009 State cable in lower case',
};

mkdirSync(join(out, 'plain'), { recursive: true });
mkdirSync(join(out, 'markdown-style'), { recursive: true });
const metadata = new Map(
  readFileSync(join(corpus, 'metadata.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => [JSON.parse(line).id, line]),
);
const lines = [];
for (const id of Object.keys(SAMPLE).sort()) {
  if (!metadata.has(id)) throw new Error(`${id} is not in the corpus`);
  copyFileSync(join(corpus, 'plain', `${id}.txt`), join(out, 'plain', `${id}.txt`));
  copyFileSync(join(corpus, 'markdown-style', `${id}.cable`), join(out, 'markdown-style', `${id}.cable`));
  lines.push(metadata.get(id));
}
writeFileSync(join(out, 'metadata.jsonl'), lines.join('\n') + '\n');
writeFileSync(
  join(out, 'README.md'),
  `# Corpus sample\n\nCopied by \`scripts/vendor-fixtures.mjs\` from the shared Cablegate corpus (public WikiLeaks release), unchanged. Why each cable is here:\n\n${Object.entries(
    SAMPLE,
  )
    .sort()
    .map(([id, why]) => `- ${id}: ${why}`)
    .join('\n')}\n`,
);
console.log(`${lines.length} cables -> test/fixtures/corpus-sample/`);
