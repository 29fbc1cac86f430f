import { mount } from '../../components/shared/mount';
import { OptionsApp } from './App';

mount(<OptionsApp />);
