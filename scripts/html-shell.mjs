// The one HTML shell every page of the stack is made from (scripts/html-pages.json lists them):
// one place for the viewport, referrer policy, icon, CSP and script loading.
import { readFileSync } from 'node:fs';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The pages, as scripts/html-pages.json defines them. */
export function htmlPages(file) {
  const { pages, customerCsp } = JSON.parse(readFileSync(file, 'utf8'));
  return pages.map((p) => ({ ...p, csp: p.csp ? customerCsp : undefined }));
}

/** One page's HTML. */
export function htmlShell(page) {
  const head = [
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="referrer" content="no-referrer" />',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
    ...(page.csp ? [`<meta http-equiv="Content-Security-Policy" content="${escape(page.csp)}" />`] : []),
    `<title>${escape(page.title)}</title>`,
    ...page.styles.map((href) => `<link rel="stylesheet" href="${escape(href)}" />`),
  ];
  const root = page.loading ? `<div id="root"><main class="page"><p class="lead">${escape(page.loading)}</p></main></div>` : '<div id="root"></div>';
  const body = [
    root,
    ...(page.noscript ? [`<noscript><p class="page">${escape(page.noscript)}</p></noscript>`] : []),
    page.module ? `<script type="module" src="${escape(page.script)}"></script>` : `<script src="${escape(page.script)}"></script>`,
  ];
  const indent = (lines) => lines.map((l) => `    ${l}`).join('\n');
  return `<!doctype html>\n<html lang="en">\n  <head>\n${indent(head)}\n  </head>\n  <body>\n${indent(body)}\n  </body>\n</html>\n`;
}
