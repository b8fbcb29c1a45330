// Preloaded into twilio-run (node --require): a Function invocation ends within Twilio's limit.
// Twilio stops a Function after 10 seconds and answers the caller with a 5xx; its logs say 82002
// "Error on Twilio Function response: your Function timed out before responding"
// (twilio.com/docs/api/errors/82002; the 10 s limit: twilio.com/docs/serverless/api, "Limitations").
// twilio-run has no limit of its own, so a slow Function would pass every local test and then fail
// on Twilio: here the caller gets 504 at the limit, and whatever the Function sends later is dropped.
const route = require('twilio-run/dist/runtime/route');

const LIMIT_MS = Number(process.env.FUNCTION_TIME_LIMIT_MS || 10_000);

/** Wraps a twilio-run route handler so that the response is ended at `limitMs`, as Twilio does. */
function withTimeLimit(handler, limitMs = LIMIT_MS, log = (line) => process.stderr.write(`${line}\n`)) {
  return function timeLimitedFunctionHandler(req, res, next) {
    let stopped = false;
    // Whatever the Function sends after the limit goes nowhere (on Twilio its container is gone).
    for (const method of ['send', 'json', 'end', 'status', 'set', 'type', 'append']) {
      const original = res[method];
      if (typeof original !== 'function') continue;
      res[method] = function guarded(...args) {
        return stopped ? this : original.apply(this, args);
      };
    }
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      log(`twilio-run: ${req.method} ${req.path} ran past ${limitMs} ms and was stopped, as Twilio stops a Function at 10 s (error 82002)`);
      res.status(504).set({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.send(JSON.stringify({ code: 82002, message: `Function timed out: no response within ${limitMs} ms`, more_info: 'https://www.twilio.com/docs/errors/82002', status: 504 }));
      stopped = true;
    }, limitMs);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    return handler(req, res, next);
  };
}

const functionToRoute = route.functionToRoute;
route.functionToRoute = function withTwilioTimeLimit(...args) {
  return withTimeLimit(functionToRoute.apply(this, args));
};

module.exports = { withTimeLimit };
