// `f`: the current panel's fields with their meaning; the cursor row is marked, space toggles.

import { Box, Text } from 'ink';
import { fit } from '../columns.js';
import { hiddenFields, panelFields } from '../fields-chooser.js';
import { PANELS } from '../panels/registry.js';
import { scrollTop, type UiState } from '../state.js';
import { accentColor } from '../theme.js';

export function FieldChooser({ ui, width, height, color }: { ui: UiState; width: number; height: number; color: boolean }) {
  const all = panelFields(ui.panel);
  const hidden = hiddenFields(ui, ui.panel);
  const cursor = ui.dialog?.kind === 'fields' ? ui.dialog.cursor : 0;
  const page = Math.max(1, height - 3);
  const top = scrollTop(Math.max(0, cursor - Math.floor(page / 2)), cursor, page, all.length);
  const keyWidth = Math.min(22, Math.max(...all.map((f) => f.key.length)));
  const shown = all.slice(top, top + page);
  const count = all.length - hidden.length;
  const hint = ui.message ?? 'space toggles  a shows all  ↑ ↓ move  Esc closes  (W saves)';
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate" color={accentColor(color)}>
        {fit(`Fields of the ${PANELS[ui.panel].name} panel: ${count} of ${all.length} shown; NAME always shows`, width)}
      </Text>
      <Box flexDirection="column" height={page}>
        {shown.map((f, i) => {
          const at = top + i === cursor;
          const mark = hidden.includes(f.key) ? '[ ]' : '[x]';
          const unit = f.unit ? ` (${f.unit})` : '';
          const text = `${at ? '>' : ' '} ${mark} ${fit(f.key, keyWidth)}  ${f.meaning}${unit}`;
          return <Text key={f.key} wrap="truncate" inverse={at}>{fit(text, width)}</Text>;
        })}
      </Box>
      <Text wrap="truncate" dimColor={color}>{fit(hint, width)}</Text>
    </Box>
  );
}
