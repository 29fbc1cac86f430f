import { render } from 'preact';
import { PopupApp } from './App';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
