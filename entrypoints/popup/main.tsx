import { mount } from '../../components/mount';
import { PopupApp } from './App';

mount(<PopupApp />);
