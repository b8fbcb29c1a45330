// Bench-only instrumentation for the clip recorder page, injected with page.addInitScript before
// any page script. Marks are wall-clock milliseconds (performance.timeOrigin + performance.now()),
// so they line up with the bench process's own clock (same machine, same system clock) when it
// sees the message in the conversation. Plain JS read from disk, like browser-probe.js.
(() => {
  const marks = {};
  window.__clipBench = { marks, sendClicks: 0 };
  const now = () => performance.timeOrigin + performance.now();
  const mark = (name) => {
    if (marks[name] === undefined) marks[name] = now();
  };

  // The author's clicks, in the capture phase so they precede the recorder's own handlers.
  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target instanceof Element)) return;
      if (e.target.closest('[data-testid="clip-stop"]')) mark('stopClick');
      if (e.target.closest('[data-testid="clip-send"]')) mark('sendClick');
    },
    true,
  );

  let lastSend = -Infinity;
  let poll;
  const check = () => {
    if (document.querySelector('[data-testid="clip-review"]')) mark('reviewShown');
    if (document.querySelector('[data-testid="clip-sent-page"]')) {
      mark('sentPage');
      if (poll !== undefined) clearInterval(poll);
      return;
    }
    // Send is clicked the moment it is enabled (a person's think time is not the product's).
    // A click the page has not taken up (no "Sending…" within 20 ms) is repeated; the recorder
    // ignores clicks while a send is under way, so a repeat can never send twice.
    const send = document.querySelector('[data-testid="clip-send"]');
    if (!send) return;
    if (send.getAttribute('aria-disabled') === 'false' && send.getAttribute('aria-busy') !== 'true' && now() - lastSend >= 20) {
      mark('sendEnabled');
      lastSend = now();
      window.__clipBench.sendClicks++;
      send.click();
    }
    if (send.getAttribute('aria-busy') === 'true') mark('sendBusy');
    if (poll === undefined) poll = setInterval(check, 5);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();
