// What a panel of the monitor is, in one place: its table, its rows for a host, its header lines,
// what it says when the host has nothing to show, how it sorts, its help and its choosable fields.
// The monitor, the field chooser, the help screen and the key table read panels only through this.

import type { HostSample, Snapshot } from '../../engine/snapshot.js';
import type { Segment } from '../columns.js';
import type { KeyAction } from '../keymap.js';
import { ID_KEY, type TableSpec } from './table.js';
import type { PanelRow, SortKey } from './rows.js';
import type { UiState } from '../state.js';

/** A column the field chooser can turn on and off: its key (what `hidden` lists), meaning and unit. */
export interface ChoosableField {
  key: string;
  meaning: string;
  unit: string;
}

/** A help screen section: a title and (name, meaning) rows. */
export interface HelpSection {
  title: string;
  rows: readonly (readonly [string, string])[];
}

/** The part of the UI state a panel's rows depend on. */
export type RowView = Pick<UiState, 'sort' | 'expanded' | 'openServices' | 'openHosts'>;

/** The esxtop sort keys every panel answers, each with its own meaning or a "not here". */
export type SortLetter = 'U' | 'R' | 'M';

/** What a sort key does in a panel: sorts (by `what`, as the status line says), or answers why not. */
export type SortAnswer = { help: string; sort: SortKey; what: string } | { help: string; answer: string };

/** What `e` does in a panel: opens rows into child rows, or answers why there are none. */
export type ExpandAnswer = { help: string; action: KeyAction } | { help: string; answer: string };

export interface Panel {
  /** the word the status line and help use: `CPU`, `memory`, `network`, … */
  name: string;
  /** the key that shows the panel (esxtop's letter where esxtop has the panel), its help and footer word */
  key: string;
  keyHelp: string;
  /** `e` here */
  expand: ExpandAnswer;
  /** U, R and M here; one left out answers with `sortsHere` and where it does sort */
  sortKeys: Partial<Record<SortLetter, SortAnswer>>;
  /** what sorts this panel, said when a sort key has no meaning here */
  sortsHere: string;
  /** the name of the panel's own default order (the `IO` sort), if it has one */
  ownOrder?: string;
  /** Method-style callbacks let a table of a row subtype stand for a table of PanelRow. */
  table: TableSpec<PanelRow>;
  /** the rows for the host on screen (undefined: the profile has no hosts) */
  rows(snap: Snapshot, host: string | undefined, view: RowView): PanelRow[];
  /** the lines between the clock line and the column header; their number is the header's height */
  header(snap: Snapshot, host: HostSample | undefined, width: number): Segment[][];
  /** the line a panel shows when the host has no rows for it */
  empty(snap: Snapshot): string;
  /** the panel's default order and the shared sorts it can show */
  sorts: { default: SortKey; accepts: readonly SortKey[] };
  /** the help screen's sections for this panel */
  help: readonly HelpSection[];
  /** the columns the field chooser offers */
  fields: readonly ChoosableField[];
  /** columns hidden until the field chooser shows them (a saved view's own list wins) */
  offByDefault?: readonly string[];
  /** the footer hints that matter most here, kept on a narrow terminal right after quit and help */
  footer?: readonly string[];
}

/** The ID column as the chooser offers it (esxtop's f hides ID as any other field). */
export const ID_FIELD: ChoosableField = { key: ID_KEY, meaning: 'the row\'s id (a VM\'s GID, a vCPU\'s world id, a guest\'s context)', unit: '' };

/** A table's optional columns as the chooser offers them, ID first (a fixed column is not one). */
export function tableFields(table: TableSpec<PanelRow>): ChoosableField[] {
  const columns = table.columns.filter((c) => !c.fixed).map((c) => ({ key: c.key, meaning: c.meaning, unit: '' }));
  return table.idLabel === null ? columns : [ID_FIELD, ...columns];
}

/** A field table's rows as the chooser offers them (the CPU and memory panels show their units). */
export function fieldTableFields(fields: readonly { key: string; meaning: string; unit: string }[]): ChoosableField[] {
  return fields.map((f) => ({ key: f.key, meaning: f.meaning, unit: f.unit }));
}

/** A table of a row subtype as the panel's table (its callbacks are method-style, so it stands). */
export const panelTable = <R extends PanelRow>(spec: TableSpec<R>) => spec as unknown as TableSpec<PanelRow>;

/** The end of a panel's empty line: where else to look. */
export const NEXT_HOST = ' — Tab for the next host';
export const elsewhere = (hosts: readonly string[]) => (hosts.length === 0 ? ' (none in this profile)' : ` (on ${hosts.join(', ')})`);
