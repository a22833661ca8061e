// The keys that matter in the current panel, straight from the key table's hints.

import { Text } from 'ink';
import { fit } from '../columns.js';
import { footerHints } from '../keymap.js';
import type { PanelId } from '../state.js';

export function Footer(props: { panel: PanelId; width: number; color: boolean }) {
  return <Text wrap="truncate" dimColor={props.color}>{fit(footerHints(props.panel, props.width), props.width)}</Text>;
}
