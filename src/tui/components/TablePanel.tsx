// A panel's table: the column header plus the rows that fit, scrolled so the selection stays
// visible. Rows arrive pre-formatted as segments; the panel only picks which ones show.

import { Box, Text } from 'ink';
import type { Segment } from '../columns.js';
import { rowText } from '../row-text.js';

export interface TablePanelProps<R extends { key: string }> {
  heading: string;
  rows: readonly R[];
  segments: (row: R, selected: boolean) => Segment[];
  /** shown when there are no rows */
  empty: string;
  selected: number;
  top: number;
  /** lines for the whole panel, column header included */
  height: number;
  /** rows shown at most (esxtop's `#`); absent: as many as the height holds */
  page?: number;
  color: boolean;
  width: number;
}

export function TablePanel<R extends { key: string }>(props: TablePanelProps<R>) {
  const { rows, selected, top, height, color } = props;
  const shown = Math.min(Math.max(0, height - 1), props.page ?? Infinity);
  const visible = rows.slice(top, top + shown);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{props.heading}</Text>
      {visible.length === 0 ? <Text wrap="truncate">{props.empty}</Text> : null}
      {visible.length > 0
        ? <Text>{visible.map((row, i) => {
          const isSelected = top + i === selected;
          return rowText(props.segments(row, isSelected), isSelected, color, props.width);
        }).join('\n')}</Text>
        : null}
    </Box>
  );
}
