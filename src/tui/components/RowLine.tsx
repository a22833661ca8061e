// One panel row as one <Text>: the row is pre-formatted to a fixed width, and only cells that
// crossed a threshold get a nested colour, which Ink flattens into the same line.

import { Text } from 'ink';
import type { Segment } from '../columns.js';
import { levelColor } from '../theme.js';

export function RowLine(props: { segments: readonly Segment[]; selected: boolean; color: boolean }) {
  return (
    <Text wrap="truncate" inverse={props.selected}>
      {props.segments.map((seg, i) => {
        const fg = levelColor(seg.level, props.color);
        return fg ? <Text key={i} color={fg}>{seg.text}</Text> : seg.text;
      })}
    </Text>
  );
}
