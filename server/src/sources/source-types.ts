// What a distribution form (a WikiLeaks page, a cables.csv row, an export) gives: the cable's
// text as the source holds it, and the fields the source itself states about the cable.

/** The forms Cable reads besides plain cable text. */
export type SourceForm = 'cablegate-page' | 'plusd-page' | 'cables-csv' | 'json-export' | 'metadata-export' | 'foia-release';

export type MetadataOrigin = 'page' | 'row' | 'export' | 'printout';

/** Where a form's metadata comes from, as `cable parse` marks a field it filled (`sources`). */
export const METADATA_ORIGIN: Record<SourceForm, MetadataOrigin> = {
  'cablegate-page': 'page',
  'plusd-page': 'page',
  'cables-csv': 'row',
  'json-export': 'row',
  'metadata-export': 'export',
  'foia-release': 'printout',
};

/** Fields as the source states them, in the model's formats (ISO date `2009-01-25T14:27Z`). */
export interface SourceMetadata {
  id?: string;
  date?: string;
  classification?: string;
  origin?: string;
  subject?: string;
  tags?: string[];
  references?: string[];
}

export interface SourceCable {
  form: SourceForm;
  /** The cable text (routing header and body), line breaks restored, entities decoded. */
  text: string;
  metadata: SourceMetadata;
  /** 0-based line of the source file where the cable text starts (a CSV row's first line, a page's first `<pre>`). */
  line: number;
  /** 1-based row of a CSV or JSON-lines file. */
  row?: number;
}

/** A source that holds no cable, or cannot be read: said in words a person understands. */
export interface SourceProblem {
  message: string;
  /** 0-based line of the source file, when the problem has one. */
  line?: number;
}
