import { mount } from '../../components/mount';
import { ReportApp } from './App';

mount(<ReportApp />);
