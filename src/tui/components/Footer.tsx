// The keys that work in the current panel, straight from the key table's hints (a replay leaves
// out the keys it refuses).

import { Text } from 'ink';
import { memo } from 'react';
import { fit } from '../columns.js';
import { footerHints } from '../keymap.js';
import type { PanelId } from '../state.js';

/** Memoized: its props change with the panel or the size, not with every refresh. */
export const Footer = memo(function Footer(props: { panel: PanelId; width: number; color: boolean; replaying?: boolean }) {
  const hints = footerHints(props.panel, props.width, props.replaying);
  return <Text wrap="truncate" dimColor={props.color}>{fit(hints, props.width)}</Text>;
});
