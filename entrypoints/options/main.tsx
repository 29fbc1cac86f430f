import { mount } from '../../components/mount';
import { OptionsApp } from './App';

mount(<OptionsApp />);
