import React from 'react';
import ReactDOM from 'react-dom';
import { InsightsApp } from '../insights/InsightsApp';

ReactDOM.render(<InsightsApp />, document.getElementById('root'));
