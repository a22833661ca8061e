// The UI state the monitor starts in: the defaults, then the config file's view settings, then
// the command line (--theme; --no-color / NO_COLOR means the `none` theme unless --theme says).

import { brokenMessage, type ConfigLoad } from './config.js';
import { initialUi, type UiState } from './state.js';
import type { ThemeName } from './theme.js';

export function startUi(config: ConfigLoad | undefined, theme: ThemeName | undefined, color: boolean): UiState {
  const saved = config?.settings ?? {};
  return {
    ...initialUi,
    panel: saved.panel ?? initialUi.panel,
    sort: saved.sort ?? initialUi.sort,
    hidden: saved.hiddenFields ?? {},
    theme: theme ?? (color ? saved.theme ?? 'default' : 'none'),
    message: config?.error ? brokenMessage(config) : null,
  };
}
