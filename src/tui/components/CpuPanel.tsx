// The CPU panel: column header plus the rows that fit, scrolled so the selection stays visible.

import { Box, Text } from 'ink';
import { cpuHeaderLine, cpuRowSegments, type CpuLayout } from '../columns.js';
import type { PanelRow } from '../rows.js';
import { RowLine } from './RowLine.js';

export interface CpuPanelProps {
  rows: readonly PanelRow[];
  selected: number;
  top: number;
  /** lines for the whole panel, column header included */
  height: number;
  layout: CpuLayout;
  color: boolean;
}

export function CpuPanel({ rows, selected, top, height, layout, color }: CpuPanelProps) {
  const visible = rows.slice(top, top + Math.max(0, height - 1));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{cpuHeaderLine(layout)}</Text>
      {visible.length === 0 ? <Text wrap="truncate">{'  no VMs on this host'}</Text> : null}
      {visible.map((row, i) => {
        const isSelected = top + i === selected;
        return (
          <RowLine key={row.key} selected={isSelected} color={color}
            segments={cpuRowSegments(row, layout, isSelected)} />
        );
      })}
    </Box>
  );
}
