import React from 'react';
import ReactDOM from 'react-dom';
import { LibraryApp } from '../library/LibraryApp';

ReactDOM.render(<LibraryApp search={window.location.search} />, document.getElementById('root'));
