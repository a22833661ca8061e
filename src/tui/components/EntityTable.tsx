// A panel's table fitted to the width: its column header, then the rows that fit.

import { useMemo } from 'react';
import type { Snapshot } from '../../engine/snapshot.js';
import { fit } from '../columns.js';
import { fitTable, tableHeader, tableRow } from '../panels/table.js';
import type { Panel } from '../panels/panel.js';
import type { PanelRow } from '../panels/rows.js';
import { TablePanel } from './TablePanel.js';

export interface EntityTableProps {
  panel: Panel;
  rows: readonly PanelRow[];
  snapshot: Snapshot;
  width: number;
  marker: boolean;
  /** field keys the field chooser hid */
  hidden?: readonly string[];
  /** the line instead of the panel's own when there are no rows (a filter that matches nothing) */
  empty?: string | null;
  selected: number;
  top: number;
  height: number;
  /** rows shown at most (esxtop's `#`); the lines below stay empty */
  page?: number;
  color: boolean;
}

export function EntityTable(props: EntityTableProps) {
  const { panel, rows, width, marker, hidden } = props;
  const layout = useMemo(() => fitTable(panel.table, width, marker, rows, hidden), [panel, width, marker, rows, hidden]);
  return (
    <TablePanel heading={tableHeader(layout)} rows={rows} empty={fit(props.empty ?? panel.empty(props.snapshot), width)}
      segments={(row, sel) => tableRow(row, layout, sel)}
      selected={props.selected} top={props.top} height={props.height} page={props.page} color={props.color} width={width} />
  );
}
