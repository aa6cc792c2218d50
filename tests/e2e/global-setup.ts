import { clearReports } from './csp-reports';

export default function globalSetup() {
  clearReports();
}
