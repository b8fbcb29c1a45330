// Bench-only instrumentation, injected with page.addInitScript before any page script, on every
// navigation. Plain JS read from disk (not a serialized TS function) so the bundler's helpers
// never leak into the page. Every mark is performance.now(): milliseconds since this document's
// navigation start (performance.timeOrigin), so figures are measured in the page, not over CDP.
(() => {
  const marks = {};
  window.__bench = { marks, firstFrameVia: null, clicks: { consent: 0, join: 0 } };
  const mark = (name) => {
    if (marks[name] === undefined) marks[name] = performance.now();
  };
  const firstFrame = (at, via) => {
    if (marks.firstFrame !== undefined) return;
    marks.firstFrame = at;
    window.__bench.firstFrameVia = via;
    if (poll !== undefined) clearInterval(poll);
  };

  // Agent: the escalate click (capture phase, so it precedes the app's own handler).
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('[data-testid="escalate-button"]')) mark('escalateClick');
    },
    true,
  );

  const watched = new WeakSet();
  const check = () => {
    // Agent: the panel reports the room connected.
    if (document.querySelector('[data-testid="agent-call-status"][data-state="connected"]')) mark('agentConnected');

    // Customer: consent and join are clicked the moment they are possible (a user's think time is
    // not the product's). A click right after the pre-join page renders can be lost, so unanswered
    // clicks are repeated (no more than every 20 ms); the marks keep the first attempt.
    const consent = document.querySelector('[data-testid="consent-checkbox"]');
    const join = document.querySelector('[data-testid="join-button"]');
    const now = performance.now();
    if (consent && !consent.checked && now - lastClick >= 20) {
      mark('consentClick');
      lastClick = now;
      window.__bench.clicks.consent++;
      consent.click();
    } else if (join && !join.disabled && (!consent || consent.checked) && now - lastClick >= 20) {
      mark('joinClick');
      lastClick = now;
      window.__bench.clicks.join++;
      join.click();
    }
    if ((consent || join) && poll === undefined) poll = setInterval(check, 5);

    // Customer and P2P receiver: the first decoded remote frame. requestVideoFrameCallback fires
    // when a frame is presented; the poll is a fallback (at most one poll interval late).
    const video = document.querySelector('video[data-testid="remote-video"]');
    if (!video || marks.firstFrame !== undefined) return;
    if (!watched.has(video) && typeof video.requestVideoFrameCallback === 'function') {
      watched.add(video);
      const onFrame = (now) => (video.videoWidth > 0 ? firstFrame(now, 'rvfc') : video.requestVideoFrameCallback(onFrame));
      video.requestVideoFrameCallback(onFrame);
    }
    if (video.videoWidth > 0 && video.getVideoPlaybackQuality().totalVideoFrames > 0) firstFrame(performance.now(), 'poll');
    // Frames do not mutate the DOM: poll while a remote video waits for its first one.
    if (poll === undefined) poll = setInterval(check, 5);
  };

  let poll;
  let lastClick = -Infinity;
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();
