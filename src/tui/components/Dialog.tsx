// The small dialogs drawn above the status line: the A load form (amount and duration, defaults
// filled) and a y/n confirmation for what is destructive (freeze now; fail and power off later).
// Their height is dialogHeight(); the panel above gives up those lines while one is open.

import { Box, Text } from 'ink';
import { fit } from '../columns.js';
import { confirmDetail, PICK_ROWS, type Dialog } from '../dialogs.js';
import { accentColor, pausedColor } from '../theme.js';

/** A bordered box: a bold title line, then the body lines, each cut to the box. */
function Frame({ title, lines, width, color, error }: { title: string; lines: string[]; width: number; color: boolean; error?: string | null }) {
  const inner = Math.max(10, width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={accentColor(color)} width={width} paddingX={1}>
      <Text bold wrap="truncate" color={accentColor(color)}>{fit(title, inner)}</Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate" color={i === lines.length - 1 && error ? pausedColor(color) : undefined}>{fit(line, inner)}</Text>
      ))}
    </Box>
  );
}

export function DialogBox({ dialog, width, color }: { dialog: Dialog | null; width: number; color: boolean }) {
  if (!dialog) return null;
  if (dialog.kind === 'load') {
    const box = (text: string, on: boolean) => (on ? `[${text}_]` : `[${text}]`);
    const form = `CPU ${box(dialog.cpu, dialog.field === 0)} % of one ${dialog.unit} (max ${dialog.max})   for ${box(dialog.secs, dialog.field === 1)} s`;
    const help = dialog.error ?? 'digits edit  Tab other field  Enter applies  Esc cancels';
    return <Frame title={`Inject load into ${dialog.what} ${dialog.target}`} lines={[form, help]} width={width} color={color} error={dialog.error} />;
  }
  if (dialog.kind === 'pick') {
    const n = dialog.choices.length;
    const top = Math.max(0, Math.min(dialog.cursor - Math.floor(PICK_ROWS / 2), n - PICK_ROWS));
    const shown = dialog.choices.slice(top, top + PICK_ROWS);
    const labelWidth = Math.min(24, Math.max(...dialog.choices.map((c) => c.label.length)));
    const lines = shown.map((c, i) => {
      const at = top + i === dialog.cursor;
      return `${at ? '>' : ' '} ${c.ok ? ' ' : 'x'} ${fit(c.label, labelWidth)}  ${c.note}`;
    });
    const more = n > PICK_ROWS ? `  (${dialog.cursor + 1} of ${n})` : '';
    const tab = dialog.purpose === 'migrate' ? '  Tab moves its disk instead' : dialog.purpose === 'relocate' ? '  Tab moves the VM instead' : '';
    const help = dialog.error ?? `↑ ↓ pick  Enter ${dialog.purpose === 'template' ? 'chooses' : 'sends'}${tab}  Esc cancels${more}`;
    return <Frame title={dialog.title} lines={[...lines, help]} width={width} color={color} error={dialog.error} />;
  }
  if (dialog.kind === 'confirm') {
    const lines = [...confirmDetail(dialog, width), 'y confirms   n or Esc cancels'];
    return <Frame title={dialog.question} lines={lines} width={width} color={color} />;
  }
  return null;
}
