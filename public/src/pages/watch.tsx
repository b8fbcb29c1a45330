import React from 'react';
import ReactDOM from 'react-dom';
import { httpWatchApi } from '../../../src/ui/api/watch-api';
import { takeLinkToken } from '../join/link-token';
import { WatchApp } from '../watch/WatchApp';

const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();
// The token leaves the address bar at once; the page sends it to the watch Function in POST bodies only.
const linkToken = takeLinkToken(window.location, window.history, storage, 'vx-watch-link-token');

ReactDOM.render(<WatchApp api={linkToken ? httpWatchApi(linkToken) : null} />, document.getElementById('root'));
