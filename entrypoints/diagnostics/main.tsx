import { render } from 'preact';
import { DiagnosticsApp } from './App';

render(<DiagnosticsApp />, document.getElementById('app') as HTMLElement);
