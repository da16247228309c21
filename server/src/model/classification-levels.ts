// The classification levels, lowest first: the one home of their order, their portion-marking
// abbreviations and the words banners write them with.

/** Lowest first. LIMITED OFFICIAL USE, the 1970s State designation, stands above UNCLASSIFIED and below CONFIDENTIAL. */
export const CLASSIFICATION_LEVELS = ['UNCLASSIFIED', 'LIMITED OFFICIAL USE', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;

export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/** Position in CLASSIFICATION_LEVELS: a marking of higher rank is above a banner of lower rank. */
export function levelRank(level: ClassificationLevel): number {
  return CLASSIFICATION_LEVELS.indexOf(level);
}

const LONGEST_FIRST = [...CLASSIFICATION_LEVELS].sort((a, b) => b.length - a.length);

/** The level a classification as WikiLeaks writes it starts with: `SECRET//NOFORN` is SECRET. */
export function classificationLevel(classification: string | null | undefined): ClassificationLevel | undefined {
  if (!classification) return undefined;
  return LONGEST_FIRST.find((level) => classification.startsWith(level) && !/[A-Z]/.test(classification.charAt(level.length)));
}

/** Each level's portion-marking abbreviations, its plain one first (`(U)`, `(SBU)`; `(LOU)`). */
export const MARKING_ABBREVIATIONS: Record<ClassificationLevel, string[]> = {
  UNCLASSIFIED: ['U', 'SBU'],
  'LIMITED OFFICIAL USE': ['LOU'],
  CONFIDENTIAL: ['C'],
  SECRET: ['S'],
  'TOP SECRET': ['TS'],
};
