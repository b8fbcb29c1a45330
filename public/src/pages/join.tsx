import React from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../src/client/connect';
import { httpCustomerApi } from '../../../src/ui/api/customer-api';
import { JoinApp } from '../join/JoinApp';
import { takeLinkToken } from '../join/link-token';
import { browserMedia } from '../../../src/ui/media/devices';

const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();
const linkToken = takeLinkToken(window.location, window.history, storage);

ReactDOM.render(
  <JoinApp linkToken={linkToken} api={httpCustomerApi()} media={browserMedia} videoClientFor={videoClientFor} />,
  document.getElementById('root'),
);
