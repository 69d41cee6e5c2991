import { useMe } from '../../features/auth/api/get-me';
import { LabPage } from '../../features/lab/components/lab-page';

/** Features do not know each other: the app tells the lab whether this person may send server faults. */
export function LabRoute() {
  const me = useMe();
  return <LabPage isAdmin={me.data?.role === 'admin'} />;
}
