import React from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../../client/connect';
import { ConsoleApp } from '../console/ConsoleApp';

ReactDOM.render(<ConsoleApp videoClientFor={videoClientFor} />, document.getElementById('root'));
