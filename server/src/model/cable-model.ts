// The cable model's public surface.
export { parseCable, parseFrontMatter, type FrontMatter } from './parse.ts';
export { cableId, idOfDocumentNumber, parseCableId, postIdPart } from './cable-id.ts';
export { identifiedCitations, REF_KEYWORD } from './ref-entries.ts';
export type * from './model-types.ts';
export { CLASSIFICATION_LEVELS, classificationLevel, levelRank, MARKING_ABBREVIATIONS } from './classification-levels.ts';
export { expandYear, MONTH_NAMES } from './dates.ts';
export { TAGS_KEYWORD } from './preamble.ts';
