// Ink writes nothing under CI=true and chalk reads FORCE_COLOR: pin both for stable frames.
delete process.env.CI;
delete process.env.NO_COLOR;
process.env.FORCE_COLOR = '0';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// W writes the view settings under $XDG_CONFIG_HOME: never into the home of whoever runs the tests.
import { tempDir } from './helpers/tmp.js';
process.env.XDG_CONFIG_HOME = tempDir('vmtop-test-config-');
