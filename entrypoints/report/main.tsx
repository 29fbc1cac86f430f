import { mount } from '../../components/shared/mount';
import { ReportApp } from './App';

mount(<ReportApp />);
