import React from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../src/client/connect';
import { customerClipApi, httpClipApi } from '../../../src/ui/api/clip-api';
import { clipConnector } from '../../../src/ui/clips/clip-connect';
import { takeLinkToken } from '../join/link-token';
import { RecordApp } from '../record/RecordApp';
import { customerPreferInstead } from '../record/clip-preference-api';

const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();
const linkToken = takeLinkToken(window.location, window.history, storage, 'vx-clip-link-token');

ReactDOM.render(
  <RecordApp
    api={linkToken ? customerClipApi(httpClipApi(), linkToken) : null}
    connect={clipConnector(videoClientFor)}
    prefer={linkToken ? customerPreferInstead(httpClipApi(), linkToken) : undefined}
  />,
  document.getElementById('root'),
);
