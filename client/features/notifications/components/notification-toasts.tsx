// Where arriving notifications show up for a moment. The live region exists before anything is put in it (screen
// readers announce changes to regions they already know) and sits after the page in the document.
import { useNotificationSettings } from '../api/get-settings';
import { useToastsStore } from '../stores/toasts-store';
import { GroupToast, NotificationToast } from './notification-toast';

export function NotificationToasts() {
  // Loaded up front, so the first arrival already knows whether this person wants toasts.
  useNotificationSettings();
  const toasts = useToastsStore((state) => state.toasts);

  return (
    <section className="toast-region" aria-label="New notifications">
      <div className="toast-stack" role="status" aria-live="polite">
        {toasts.map((toast) =>
          toast.ids.length > 1 ? (
            <GroupToast key={toast.key} toast={toast} />
          ) : (
            <NotificationToast key={toast.key} toast={toast} id={toast.ids[0] ?? 0} />
          ),
        )}
      </div>
    </section>
  );
}
