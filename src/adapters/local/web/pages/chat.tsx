import React from 'react';
import ReactDOM from 'react-dom';
import { ChatApp } from '../chat/ChatApp';

// Local stand-in only: the token stays in the fragment so a reload keeps the chat.
const chatToken = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('t');
ReactDOM.render(<ChatApp chatToken={chatToken} />, document.getElementById('root'));
