// Writes server/src/data/posts.json: the origins WikiLeaks uses in cable IDs (`MEXICO`, `THEHAGUE`,
// `USUNNEWYORK`), each with the names banners and REF entries write for it (`MEXICO CITY`, `HAGUE`,
// `USUN NEW YORK`) and the source of every name; and the other station names a banner may carry.
// A REF entry is read as a cable citation only when it names an origin, so that e-mails, IIRs and
// telcons never become made-up cable IDs.
//   node scripts/build-posts.mjs [SHARED_DIR] [OUT_FILE]   (default ../shared, server/src/data/posts.json)
// Sources, in the order they are merged (the first source of a name is the one recorded):
//   cablegate-metadata  corpus/cablegate/metadata.jsonl: each cable's origin (`Embassy Mexico`) beside its ID
//   other-forms         corpus/other-forms/*/metadata.jsonl: the same pairs for the other forms
//   cablemap            corpus/cablegate/cablemap-refs.json: the origins of the IDs cablemap read in REF lists
//   origin-index        the origins of WikiLeaks' Cablegate release (its "browse by origin" index),
//                       transcribed below by hand: the release names about 270
//   ref-spellings       spellings and abbreviations REF lines use for an origin (below, by hand)
//   routing-indicators  reference/routing-indicators.tsv: the station names of AMEMBASSY/AMCONSUL/
//                       USMISSION … stations; a station that is no origin is kept as a banner name only
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const shared = process.argv[2] ?? '../shared';
const outFile = process.argv[3] ?? new URL('../server/src/data/posts.json', import.meta.url);

/** The letters of a name: `N'DJAMENA` and `PORT-OF-SPAIN` are looked up as `NDJAMENA`, `PORTOFSPAIN`. */
const key = (name) => name.toUpperCase().replace(/[^A-Z]/g, '');
/** `09MEXICO1234`, PlusD's `1977BONN05665`. */
const ID_POST = /^(?:\d{2}|\d{4})([A-Z]+?)\d+$/;

/** origin ID form → Map(name → source) */
const origins = new Map();
function addOrigin(id, source) {
  if (!origins.has(id)) origins.set(id, { names: new Map([[id, source]]), sources: new Set() });
  origins.get(id).sources.add(source);
}
function addName(id, name, source) {
  addOrigin(id, source);
  const entry = origins.get(id);
  const clean = name.toUpperCase().replace(/\s+/g, ' ').trim();
  if (!entry.names.has(clean)) entry.names.set(clean, source);
}

// WikiLeaks' origin names: `Embassy Mexico`, `Consulate Rio De Janeiro`, `Mission USNATO`, `Secretary of State`.
const ORIGIN_KIND = /^(?:Embassy|Consulate|Mission|US Office|US Interests Section|American Institute|REO|Office)\s+/i;
function fromMetadata(file, source, idField) {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const id = row[idField] ?? row.id ?? row.refid;
    const match = id && ID_POST.exec(id);
    if (!match) continue;
    addOrigin(match[1], source);
    if (row.origin && ORIGIN_KIND.test(row.origin)) addName(match[1], row.origin.replace(ORIGIN_KIND, ''), source);
  }
}
fromMetadata(join(shared, 'corpus/cablegate/metadata.jsonl'), 'cablegate-metadata');
for (const form of ['html', 'csv', 'other', 'plusd'])
  fromMetadata(join(shared, 'corpus/other-forms', form, 'metadata.jsonl'), 'other-forms', form === 'other' ? 'id_derived' : undefined);

const cablemap = JSON.parse(readFileSync(join(shared, 'corpus/cablegate/cablemap-refs.json'), 'utf8')).references;
for (const ids of Object.values(cablemap)) for (const id of ids) addOrigin(ID_POST.exec(id)[1], 'cablemap');

// WikiLeaks' Cablegate origins, as its IDs write them.
const ORIGIN_INDEX = `
ABIDJAN ABUDHABI ABUJA ACCRA ADANA ADDISABABA AITTAIPEI ALGIERS ALMATY AMMAN AMSTERDAM ANKARA ANTANANARIVO
APIA ASHGABAT ASMARA ASTANA ASUNCION ATHENS AUCKLAND BAGHDAD BAKU BAMAKO BANDARSERIBEGAWAN BANGKOK BANGUI
BANJUL BARCELONA BASRAH BEIJING BEIRUT BELFAST BELGRADE BELMOPAN BERLIN BERN BISHKEK BOGOTA BRASILIA
BRATISLAVA BRAZZAVILLE BRIDGETOWN BRUSSELS BUCHAREST BUDAPEST BUENOSAIRES BUJUMBURA CAIRO CALGARY CANBERRA
CAPETOWN CARACAS CASABLANCA CDGENEVA CHENGDU CHENNAI CHIANGMAI CHISINAU CIUDADJUAREZ COLOMBO CONAKRY
COPENHAGEN COTONOU CURACAO DAKAR DAMASCUS DARESSALAAM DHAHRAN DHAKA DILI DJIBOUTI DOHA DUBAI DUBLIN DURBAN
DUSHANBE DUSSELDORF FLORENCE FRANKFURT FREETOWN FUKUOKA GABORONE GENEVA GEORGETOWN GUADALAJARA GUANGZHOU
GUATEMALA GUAYAQUIL HALIFAX HAMBURG HAMILTON HANOI HARARE HAVANA HELSINKI HERMOSILLO HILLAH HOCHIMINHCITY
HONGKONG HYDERABAD ISLAMABAD ISTANBUL IZMIR JAKARTA JEDDAH JERUSALEM JOHANNESBURG KABUL KADUNA KAMPALA
KARACHI KATHMANDU KHARTOUM KIEV KIGALI KINGSTON KINSHASA KIRKUK KOLKATA KOLONIA KOROR KRAKOW KUALALUMPUR KUWAIT KYIV LAGOS
LAHORE LAPAZ LEIPZIG LIBREVILLE LILONGWE LIMA LISBON LJUBLJANA LOME LONDON LUANDA LUSAKA LUXEMBOURG MADRID
MAJURO MALABO MANAGUA MANAMA MANILA MAPUTO MARSEILLE MASERU MATAMOROS MBABANE MELBOURNE MERIDA MEXICO MILAN
MINSK MONROVIA MONTERREY MONTEVIDEO MONTREAL MOSCOW MOSUL MUMBAI MUNICH MUSCAT NAGOYA NAHA NAIROBI NAPLES NASSAU
NDJAMENA NEWDELHI NIAMEY NICOSIA NOGALES NOUAKCHOTT NUEVOLAREDO OSAKAKOBE OSLO OTTAWA OUAGADOUGOU PANAMA
PARAMARIBO PARIS PERTH PESHAWAR PHNOMPENH PODGORICA PONTADELGADA PORTAUPRINCE PORTLOUIS PORTMORESBY PORTOFSPAIN PRAGUE PRAIA
PRETORIA PRISTINA QUEBEC QUITO RABAT RANGOON RECIFE REYKJAVIK RIGA RIODEJANEIRO RIYADH ROME RPODUBAI SANAA
SANJOSE SANSALVADOR SANTIAGO SANTODOMINGO SAOPAULO SAPPORO SARAJEVO SECDEF SEOUL SHANGHAI SHENYANG
SINGAPORE SKOPJE SOFIA STATE STOCKHOLM STPETERSBURG STRASBOURG SURABAYA SUVA SYDNEY TAIPEI TALLINN TASHKENT TBILISI
TEGUCIGALPA TEHRAN TELAVIV THEHAGUE THESSALONIKI TIJUANA TIRANA TOKYO TORONTO TRIPOLI TUNIS ULAANBAATAR UNESCOPARISFR UNROME
UNVIEVIENNA USEUBRUSSELS USNATO USOSCE USUNNEWYORK VALLETTA VANCOUVER VATICAN VIENNA VIENTIANE VILNIUS
VLADIVOSTOK WARSAW WELLINGTON WINDHOEK YAOUNDE YEKATERINBURG YEREVAN ZAGREB`;
for (const id of ORIGIN_INDEX.split(/\s+/).filter(Boolean)) addOrigin(id, 'origin-index');

// How REF lines and banners write origins whose ID form is not their name with the spaces taken out.
const REF_SPELLINGS = {
  STATE: ['SECSTATE', 'SECSTATE WASHDC', 'SECSTATE WASHINGTON'],
  MEXICO: ['MEXICO CITY'],
  THEHAGUE: ['THE HAGUE', 'HAGUE'],
  RIODEJANEIRO: ['RIO DE JANEIRO', 'RIO DE JAN', 'RIO'],
  VATICAN: ['VAT', 'HOLY SEE', 'VATICAN CITY'],
  USEUBRUSSELS: ['USEU', 'USEU BRUSSELS'],
  // UNESCO's banners write `PARIS FR`; the embassy's write `PARIS`.
  UNESCOPARISFR: ['UNESCO PARIS FR', 'USUNESCO PARIS FR', 'UNESCO PARIS', 'USUNESCO PARIS', 'USUNESCO', 'PARIS FR'],
  USUNNEWYORK: ['USUN', 'USUN NEW YORK', 'USUN NY'],
  UNVIEVIENNA: ['UNVIE', 'UNVIE VIENNA'],
  UNROME: ['UN ROME', 'USUN ROME'],
  USNATO: ['US NATO', 'USNATO BRUSSELS'],
  USOSCE: ['USOSCE VIENNA'],
  NDJAMENA: ["N'DJAMENA"],
  PORTOFSPAIN: ['PORT OF SPAIN'],
  PORTAUPRINCE: ['PORT AU PRINCE'],
  RPODUBAI: ['RPO DUBAI', 'DUBAI RPO', 'IRPO DUBAI'],
  GUATEMALA: ['GUATEMALA CITY'],
  PANAMA: ['PANAMA CITY'],
  KUWAIT: ['KUWAIT CITY'],
  HOCHIMINHCITY: ['HO CHI MINH CITY', 'HO CHI MINH', 'HCMC'],
  AITTAIPEI: ['AIT TAIPEI'],
  OSAKAKOBE: ['OSAKA KOBE', 'OSAKA'],
  CDGENEVA: ['CD GENEVA'],
  GENEVA: ['USMISSION GENEVA', 'US MISSION GENEVA'],
  STPETERSBURG: ['ST PETERSBURG', 'ST. PETERSBURG', 'SAINT PETERSBURG'],
  CIUDADJUAREZ: ['CIUDAD JUAREZ'],
  NEWDELHI: ['NEW DELHI'],
  SECDEF: ['SECDEF WASHDC', 'SECDEF WASHINGTON'],
  WHITEHOUSE: ['WHITE HOUSE'],
};
for (const [id, names] of Object.entries(REF_SPELLINGS)) for (const name of names) addName(id, name, 'ref-spellings');

// Station names of the routing-indicator table: an origin's name when their letters are its ID form
// or a spelling of it, else a banner name only.
const POST_STATION =
  /^(?:AMEMBASSY|AMCONSUL|USMISSION|US MISSION|USOFFICE|US OFFICE|REO|AIT|USINT|USLO|AMERICAN CONSULATE|AMERICAN EMBASSY)\s+(.+)$/;
// A trailing two-letter state or country code in a station name (`USUN NEW YORK NY`).
const TRAILING_REGION = /\s+[A-Z]{2}$/;
const byKey = new Map();
for (const [id, entry] of origins) for (const name of [id, ...entry.names.keys()]) byKey.set(key(name), id);
const stations = new Set();
const rows = readFileSync(join(shared, 'reference/routing-indicators.tsv'), 'utf8').split('\n').slice(1);
for (const row of rows) {
  const station = row.split('\t')[1];
  const match = station && POST_STATION.exec(station.trim());
  if (!match) continue;
  let name = match[1].replace(/\s+/g, ' ').trim();
  if (name.split(' ').length > 1) name = name.replace(TRAILING_REGION, '');
  if (!/^[A-Z][A-Z .'-]*$/.test(name)) continue;
  const id = byKey.get(key(name));
  if (id) addName(id, name, 'routing-indicators');
  else stations.add(name);
}

// A name whose letters are another origin's ID form is that origin's (`Embassy Kyiv` wrote IDs `KIEV…`
// before it wrote `KYIV…`; the odd `85NOFORNMOGADISHU1643` keeps `MOGADISHU` for `MOGADISHU`).
for (const [id, entry] of origins)
  for (const name of entry.names.keys()) if (key(name) !== id && origins.has(key(name))) entry.names.delete(name);

const sorted = [...origins.keys()].sort();
const out = {
  about: 'Written by scripts/build-posts.mjs; see its header for the sources.',
  origins: Object.fromEntries(
    sorted.map((id) => {
      const { names, sources } = origins.get(id);
      return [id, { names: Object.fromEntries([...names].filter(([name]) => name !== id)), sources: [...sources] }];
    }),
  ),
  stations: [...stations].sort(),
};
writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
console.log(
  `${sorted.length} origins, ${[...origins.values()].reduce((n, o) => n + o.names.size, 0)} names, ${stations.size} other stations -> ${outFile}`,
);
