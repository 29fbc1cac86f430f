import { mount } from '../../components/mount';
import { WelcomeApp } from './App';

mount(<WelcomeApp />);
