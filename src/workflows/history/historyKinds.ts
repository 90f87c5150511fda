/**
 * History's failures by what the label is (api/labelKind.ts) rather than by the server's one
 * sentence ("No match found for barcode data" for a foreign code and for a label of a deleted item
 * alike). Pure; FailureGroups renders it.
 */
import { KIND_GROUPS, linkOffered, type LabelKindName } from '../../api/labelKind.ts';
import type { FailureGroup } from './historyView.ts';

/** Link is offered for a barcode InvenTree does not read itself, and that never matched since. */
export function groupLinkOffered(g: Pick<FailureGroup, 'label' | 'matches' | 'data'>): boolean {
  return linkOffered(g.label) && g.matches === 0 && g.data.trim() !== '';
}

/** One section of the failures; its title and hint are KIND_GROUPS' (read when rendering, so they follow the language). */
export interface KindSection {
  kind: LabelKindName;
  groups: FailureGroup[];
}

/** The groups in sections by kind, in KIND_GROUPS' order (what linking fixes first); empty sections left out. */
export function sectionsByKind(groups: readonly FailureGroup[]): KindSection[] {
  return KIND_GROUPS.map(({ kind }) => ({ kind, groups: groups.filter((g) => g.label.kind === kind) })).filter(
    (s) => s.groups.length > 0,
  );
}
