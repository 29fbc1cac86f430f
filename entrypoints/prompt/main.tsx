import { render } from 'preact';
import { PromptApp } from './App';

render(<PromptApp />, document.getElementById('app') as HTMLElement);
