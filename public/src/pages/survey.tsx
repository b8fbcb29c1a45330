import React from 'react';
import ReactDOM from 'react-dom';
import { browserTimeZone, httpSurveyApi } from '../../../src/ui/api/survey-api';
import { takeLinkToken } from '../join/link-token';
import { SurveyApp } from '../survey/SurveyApp';

const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();
// The token leaves the address bar at once; the page sends it to the survey Function in POST bodies only.
const linkToken = takeLinkToken(window.location, window.history, storage, 'vx-survey-link-token');

ReactDOM.render(<SurveyApp api={linkToken ? httpSurveyApi(linkToken) : null} timeZone={browserTimeZone()} />, document.getElementById('root'));
