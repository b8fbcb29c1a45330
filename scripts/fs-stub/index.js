// Intentionally empty: require('fs') always resolves to Node's built-in module.
module.exports = {};
