// Enter: the selected entity's every metric (grouped as its panels group them, with units and
// threshold colours) under sparklines of its key figures from the bounded history.

import { Box, Text } from 'ink';
import type { Snapshot } from '../../engine/snapshot.js';
import { fit, type Segment } from '../columns.js';
import { entityMetrics, entityOf, ENTITY_WORDS, formatValue, type MetricSection, type RowRef } from '../entity.js';
import { sparkline, type History } from '../history.js';
import { accentColor } from '../theme.js';
import { RowLine } from './RowLine.js';

const LABEL = 20;
const VALUE = 10;

/** The metric sections as screen lines: a title line, then the metrics in as many columns as fit. */
export function metricLines(sections: readonly MetricSection[], width: number): Segment[][] {
  const lines: Segment[][] = [];
  for (const sec of sections) {
    if (lines.length) lines.push([{ text: ' ' }]);
    lines.push([{ text: fit(sec.title, width) }]);
    const keyWidth = Math.min(22, Math.max(6, ...sec.metrics.map((m) => m.key.length)));
    const unitWidth = Math.min(7, Math.max(0, ...sec.metrics.map((m) => m.unit.length)));
    // text values (an image name, a state) get the room they need, up to a limit
    const valueWidth = Math.min(24, Math.max(VALUE, ...sec.metrics.map((m) => m.value.length)));
    const cell = 2 + keyWidth + 1 + valueWidth + (unitWidth ? 1 + unitWidth : 0);
    const perLine = Math.max(1, Math.floor(width / (cell + 1)));
    for (let i = 0; i < sec.metrics.length; i += perLine) {
      const segs: Segment[] = [];
      for (const m of sec.metrics.slice(i, i + perLine)) {
        segs.push({ text: '  ' + fit(m.key, keyWidth) + ' ' });
        segs.push({ text: fit(m.value, valueWidth).trimEnd().padStart(valueWidth), level: m.level });
        segs.push({ text: (unitWidth ? ' ' + fit(m.unit, unitWidth) : '') + ' ' });
      }
      lines.push(segs);
    }
  }
  return lines;
}

/** Width of the sparklines: what the line leaves, never more than the history keeps. */
export function sparkWidth(width: number, capacity: number): number {
  return Math.max(0, Math.min(capacity, width - LABEL - 2 - VALUE - 1));
}

export interface DetailsProps {
  row: RowRef;
  snapshot: Snapshot;
  history: History;
  top: number;
  width: number;
  height: number;
  message: string | null;
  color: boolean;
}

export function Details({ row, snapshot, history, top, width, height, message, color }: DetailsProps) {
  const entity = entityOf(row, snapshot);
  const hint = message ?? 'Esc, Enter or q closes  ↑ ↓ PgUp PgDn scroll';
  if (!entity) {
    return (
      <Box flexDirection="column" height={height}>
        <Text bold wrap="truncate" color={accentColor(color)}>{fit(`${row.name}: details`, width)}</Text>
        <Text wrap="truncate">{fit(`  ${row.name} is no longer in the lab`, width)}</Text>
        <Box flexGrow={1} />
        <Text wrap="truncate" dimColor={color}>{fit(hint, width)}</Text>
      </Box>
    );
  }
  const role = entity.kind === 'vm' && entity.vm.appliance
    ? (entity.vm.appliance.role === 'sva' ? ', a security virtual appliance' : ', a virtual appliance') : '';
  const where = entity.kind === 'vm' ? ` on ${entity.vm.host}${role}${entity.vm.jvm ? ', a JVM (process VM) inside' : ''}`
    : entity.kind === 'container' ? ` on ${entity.ct.vm ?? entity.ct.host}` : '';
  const title = `${ENTITY_WORDS[entity.kind]} ${entity.name}${where}  t=${snapshot.t}s, last ${snapshot.interval}s`;
  const series = history.get(entity.history);
  const sw = sparkWidth(width, history.capacity);
  const sparks = series
    ? ([[series.labels[0], series.used], [series.labels[1], series.wait], [series.labels[2], series.mem]] as const).map(([label, ring]) => {
      const values = ring.values();
      const now = values.at(-1) ?? 0;
      const max = Math.max(0, ...values);
      const spark = sparkline(values, sw);
      return fit(`${fit(label, LABEL)} ${formatValue(now, '').padStart(VALUE)} ${spark}  max ${formatValue(max, '')}`, width);
    })
    : [];
  const sparkNote = series ? `history: ${series.used.length} samples (keeps ${history.capacity})` : 'no history yet';
  const lines = metricLines(entityMetrics(entity), width);
  const page = Math.max(1, height - 3 - sparks.length);
  const first = Math.max(0, Math.min(top, lines.length - page));
  const shown = lines.slice(first, first + page);
  const more = lines.length > page ? `  lines ${first + 1}-${first + shown.length} of ${lines.length}` : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate" color={accentColor(color)}>{fit(title, width)}</Text>
      {sparks.map((line, i) => <Text key={`s${i}`} wrap="truncate">{line}</Text>)}
      <Text wrap="truncate" dimColor={color}>{fit(sparkNote, width)}</Text>
      <Box flexDirection="column" height={page}>
        {shown.map((segs, i) => <RowLine key={first + i} segments={segs} selected={false} color={color} />)}
      </Box>
      <Text wrap="truncate" dimColor={color}>{fit(hint + more, width)}</Text>
    </Box>
  );
}
