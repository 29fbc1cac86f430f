import { mount } from '../../components/shared/mount';
import { SummaryApp } from './App';

mount(<SummaryApp />);
