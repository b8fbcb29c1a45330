import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layering rules in eslint.config.mjs fail on code that breaks them (and only then): each
 * fixture is linted by the ESLint CLI, as if it stood at the path given, with the project's own
 * configuration (the CLI, because ESLint loads its flat config by dynamic import, which jest's VM
 * does not allow).
 */
const root = join(__dirname, '..');

async function restricted(path: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

jest.setTimeout(60_000);

describe('lint enforces the layers', () => {
  it('core, ports and domain import no adapter and no browser client', async () => {
    expect(await restricted('src/core/fixture.ts', "import { x } from '../adapters/local/db';\nexport const y = x;\n")).toEqual([
      expect.stringContaining('Core, ports and domain import no adapter'),
    ]);
    expect(await restricted('src/ports/fixture.ts', "import { x } from '../client/connect';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('src/core/fixture.ts', "import { x } from '../domain/errors';\nexport const y = x;\n")).toEqual([]);
  });

  it('pages, the shared UI and the Flex plugin import no adapter', async () => {
    expect(await restricted('public/src/pages/fixture.tsx', "import { x } from '../../../src/adapters/local/db';\nexport const y = x;\n")).toEqual([
      expect.stringContaining('Pages, the shared UI and the Flex plugin import no adapter'),
    ]);
    expect(await restricted('src/ui/cards/fixture.tsx', "import { x } from '../../adapters/local/web/lib/api';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('plugin-video-escalation/src/flex-hooks/fixture.ts', "import { x } from '../../../src/ui/api/escalation-api';\nexport const y = x;\n")).toEqual([]);
    expect(await restricted('plugin-video-escalation/src/fixture.ts', "import { x } from '../../src/adapters/twilio/twilio-rooms';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('production code imports no test support; tests may', async () => {
    const code = "import { x } from '../test-support/fake-media';\nexport const y = x;\n";
    expect(await restricted('public/src/join/fixture.ts', code)).toEqual([expect.stringContaining('Production code imports no test support')]);
    expect(await restricted('src/adapters/local/fixture.ts', "import { x } from '../../core/pipeline/test-support/in-memory';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('src/ui/hooks/fixture.ts', code)).toHaveLength(1);
    expect(await restricted('plugin-video-escalation/src/fixture.ts', "import { x } from '../../src/ui/test-support/fake-room';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('public/src/join/fixture.test.ts', code)).toEqual([]);
  });
});
