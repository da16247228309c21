// A FRUS document as history.state.gov shows it as text, from its TEI fragment: the heading,
// the place/date line, each paragraph on one line, the signature, then the numbered footnotes.
// Only for tests: reading TEI belongs to the distribution-format readers, not to the model.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of a TEI piece: tags dropped, entities decoded, white space collapsed. */
function plain(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

export function frusText(xml: string): string {
  const notes: string[] = [];
  // Footnotes leave the text for the list at its foot; their calls are superscripts the text form drops.
  const withoutNotes = xml.replace(/<note\b[^>]*\bn="(\d+)"[^>]*>([\s\S]*?)<\/note>/g, (_, n: string, body: string) => {
    notes.push(`${n}. ${plain(body)}`);
    return '';
  });
  const head = plain(/<head>([\s\S]*?)<\/head>/.exec(withoutNotes)?.[1] ?? '');
  // `</placeName>` may run straight into the date (two datelines lack the ", "): a space keeps the words apart.
  const dateline = plain(
    (/<dateline>([\s\S]*?)<\/dateline>/.exec(withoutNotes)?.[1] ?? '').replace(/<\/placeName>/g, ' </placeName>'),
  ).replace(/ ,/g, ',');
  const body = withoutNotes.replace(/<head>[\s\S]*?<\/head>|<dateline>[\s\S]*?<\/dateline>|<closer>[\s\S]*?<\/closer>/g, '');
  // Top-level paragraphs: a quotation inside one stays in it.
  const paragraphs: string[] = [];
  let depth = 0;
  let current = '';
  for (const piece of body.split(/(<p\b[^>]*>|<\/p>)/)) {
    if (/^<p\b/.test(piece)) {
      if (depth++ > 0) current += ' ';
    } else if (piece === '</p>') {
      if (--depth === 0) {
        paragraphs.push(plain(current));
        current = '';
      }
    } else if (depth > 0) current += piece;
  }
  const signature = plain(/<closer>([\s\S]*?)<\/closer>/.exec(withoutNotes)?.[1] ?? '');
  return [head, dateline, ...paragraphs, ...(signature ? [signature] : []), ...notes].join('\n\n') + '\n';
}
