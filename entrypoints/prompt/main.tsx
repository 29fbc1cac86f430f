import { mount } from '../../components/mount';
import { PromptApp } from './App';

mount(<PromptApp />);
