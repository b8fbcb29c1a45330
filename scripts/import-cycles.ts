import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The folders whose TypeScript is checked for import cycles (everything but node_modules and build output). */
export const CHECKED_ROOTS = ['src', 'serverless/src', 'public/src', 'plugin-video-escalation/src', 'bench', 'scripts', 'tests'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'build' || name === 'fixtures') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every import cycle among the files under `roots` (relative to `root`), type-only imports
 * included: a cycle of types still means two files cannot be understood, or moved, one at a time.
 * Each cycle is a strongly connected component of the import graph (Tarjan), as sorted paths.
 */
export function importCycles(root: string, roots: readonly string[] = CHECKED_ROOTS): string[][] {
  const files = roots.flatMap((r) => {
    try {
      return sourceFiles(join(root, r));
    } catch {
      return [];
    }
  });
  const known = new Set(files);
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: false, jsx: ts.JsxEmit.React };
  const host = ts.createCompilerHost(options);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const imported of importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(imported.fileName, file, options, host).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved)) targets.push(resolved);
    }
    edges.set(file, targets);
  }
  return stronglyConnected(files, edges)
    .filter((c) => c.length > 1 || (edges.get(c[0]) ?? []).includes(c[0]))
    .map((c) => c.map((f) => relative(root, f)).sort());
}

function stronglyConnected(nodes: readonly string[], edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  // Iterative Tarjan: deep import chains must not overflow the call stack.
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const targets = edges.get(top.node) ?? [];
      if (top.i < targets.length) {
        const to = targets[top.i++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        out.push(component);
      }
    }
  }
  return out;
}

if (require.main === module) {
  const cycles = importCycles(join(__dirname, '..'));
  for (const c of cycles) console.log(`cycle: ${c.join(' ↔ ')}`);
  console.log(`${cycles.length} import cycle(s)`);
}
