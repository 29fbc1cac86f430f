import { mount } from '../../components/shared/mount';
import { PopupApp } from './App';

mount(<PopupApp />);
