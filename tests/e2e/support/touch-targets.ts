import type { Page } from 'playwright-core';

/** The smallest touch target the customer pages give at phone size (WCAG 2.2 asks 24 px; the platforms' guidance is 44). */
export const MIN_TOUCH_PX = 44;

/**
 * Every visible interactive element on the page whose touch target is smaller than `min` px in
 * either direction, described for the failure message. A checkbox or radio button's target is its
 * label (a tap on the label ticks it), so a small box inside a large label passes.
 */
export async function smallTouchTargets(page: Page, min = MIN_TOUCH_PX): Promise<string[]> {
  return page.evaluate((minPx) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
      const choice = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      const target = (choice ? (el.closest('label') ?? (el as HTMLInputElement).labels?.[0]) : null) ?? el;
      const r = target.getBoundingClientRect();
      if (r.width < minPx || r.height < minPx) {
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, min);
}
