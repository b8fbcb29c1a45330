// Preloaded into twilio-run (node --require). Twilio's Functions runtime hands every Function
// `event.request = { headers, cookies }`; twilio-run 5 does not, so webhook signatures
// (X-Twilio-Signature) and `Authorization` headers would be invisible locally. This adds it the
// same way, so the Functions run unchanged here and on Twilio.
const route = require('twilio-run/dist/runtime/route');
const functionToRoute = route.functionToRoute;
route.functionToRoute = function withRequestHeaders(...args) {
  const handler = functionToRoute.apply(this, args);
  return function twilioFunctionHandler(req, res, next) {
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    // `method` is ours (Twilio's runtime does not say it): where known, Functions answer 405 to a wrong one.
    req.body = { ...body, request: { method: req.method, headers: { ...req.headers }, cookies: { ...(req.cookies ?? {}) } } };
    return handler(req, res, next);
  };
};
