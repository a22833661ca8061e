// The keys that matter in the current panel, straight from the key table's hints.

import { Text } from 'ink';
import { memo } from 'react';
import { fit } from '../columns.js';
import { footerHints } from '../keymap.js';
import type { PanelId } from '../state.js';

/** Memoized: its props change with the panel or the size, not with every refresh. */
export const Footer = memo(function Footer(props: { panel: PanelId; width: number; color: boolean }) {
  return <Text wrap="truncate" dimColor={props.color}>{fit(footerHints(props.panel, props.width), props.width)}</Text>;
});
