import { mount } from '../../components/shared/mount';
import { WelcomeApp } from './App';

mount(<WelcomeApp />);
