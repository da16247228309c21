// Writes server/src/data/posts.json: the names of diplomatic posts, as they stand in banners and
// REF entries (`LA PAZ`, `RIO DE JANEIRO`), taken from the station names of the routing-indicator
// table (AMEMBASSY/AMCONSUL/USMISSION ... stations). REF entries are read as cable citations only
// when they name a known post, so that e-mails, IIRs and telcons never become fake cable IDs.
//   node scripts/build-posts.mjs [REFERENCE_DIR]   (default ../shared/reference)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const referenceDir = process.argv[2] ?? '../shared/reference';
const outFile = new URL('../server/src/data/posts.json', import.meta.url);

// Station name prefixes that name a post of the State Department's network.
const POST_STATION = /^(?:AMEMBASSY|AMCONSUL|USMISSION|US MISSION|USOFFICE|US OFFICE|REO|AIT|USINT|USLO|AMERICAN CONSULATE|AMERICAN EMBASSY)\s+(.+)$/;
// A trailing two-letter state or country code in a station name (`USUN NEW YORK NY`).
const TRAILING_REGION = /\s+[A-Z]{2}$/;

const rows = readFileSync(join(referenceDir, 'routing-indicators.tsv'), 'utf8').split('\n').slice(1);
const posts = new Set();
for (const row of rows) {
  const station = row.split('\t')[1];
  const match = station && POST_STATION.exec(station.trim());
  if (!match) continue;
  let name = match[1].replace(/\s+/g, ' ').trim();
  if (name.split(' ').length > 1) name = name.replace(TRAILING_REGION, '');
  if (/^[A-Z][A-Z .'-]*$/.test(name)) posts.add(name);
}
// Names that are not stations of their own in the table but stand in banners and REF entries,
// and posts the table lacks (its source was cut off) that are certain from cable IDs.
const EXTRA_POSTS = [
  'STATE', 'SECSTATE', 'USUN', 'USNATO', 'USEU', 'USEU BRUSSELS', 'USOSCE', 'UNVIE', 'UNVIE VIENNA', 'RPO DUBAI',
  'DUBAI RPO', 'KIEV', 'MUSCAT', 'MANAMA', 'MEXICO', 'PRISTINA', 'COLOMBO', 'VATICAN', 'TEHRAN', 'PANAMA',
];
for (const name of EXTRA_POSTS) posts.add(name);

writeFileSync(outFile, JSON.stringify([...posts].sort(), null, 0).replace(/","/g, '",\n"') + '\n');
console.log(`${posts.size} posts -> server/src/data/posts.json`);
