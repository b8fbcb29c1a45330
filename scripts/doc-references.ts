import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Markdown files whose backticked paths must exist: the README, docs/, bench/README.md and every DESIGN-NOTE.md. */
export function documentedFiles(root: string): string[] {
  const notes = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (['node_modules', 'build', 'fixtures'].includes(e.name) ? [] : notes(join(dir, e.name))) : e.name === 'DESIGN-NOTE.md' ? [join(dir, e.name)] : [],
    );
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f));
  return ['README.md', 'bench/README.md', ...docs, ...['src', 'serverless', 'plugin-video-escalation/src', 'public', 'scripts', 'tests', 'bench'].flatMap((d) => notes(d))];
}

const backticked = (markdown: string): string[] => [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());

/** A backticked token that names a file or folder of the repository (not a route, URL, glob or command). */
export function looksLikePath(token: string): boolean {
  // Routes, URLs, globs, flags, scoped npm packages (`@twilio/flex-ui`) and the data folder are not repository paths.
  if (/\s|:\/\/|[*<>{}$|]/.test(token) || /^[/@-]/.test(token) || token.startsWith('.data')) return false;
  return /^[\w.@-]+(\/[\w.@+-]*)+$/.test(token) || /^[\w.-]+\.(ts|tsx|md|mjs|cjs|js|json|sh|css|html|c)$/.test(token);
}

/** Paths named in a Markdown file that exist neither from the repository root nor from the file's own folder. */
export function missingPaths(root: string, file: string): string[] {
  return backticked(readFileSync(join(root, file), 'utf8'))
    .filter(looksLikePath)
    .filter((p) => !existsSync(join(root, p)) && !existsSync(join(root, dirname(file), p)));
}

/** A backticked code name in a design note: `roomEnded`, `PipelineJob`, `deps.exclusive`, `saveIfUnchanged()`. */
const CODE_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(\(\))?$/;

/** The code names a design note uses that no source file defines or mentions (the last segment of a dotted name is checked). */
export function missingNames(root: string, file: string, sources: string): string[] {
  return backticked(readFileSync(join(root, file), 'utf8'))
    .filter((t) => CODE_NAME.test(t) && /[A-Z_]|\(\)|\./.test(t.replace(/^[a-z]+$/, '')))
    .filter((t) => {
      const name = t.replace(/\(\)$/, '').split('.').pop() as string;
      return !new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(sources);
    });
}
