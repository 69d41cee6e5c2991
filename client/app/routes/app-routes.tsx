import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RegisterPage } from '../../features/auth/components/register-page';
import { SignInPage } from '../../features/auth/components/sign-in-page';
import { DataPage } from '../../features/data/components/data-page';
import { AppShell } from '../components/app-shell';
import { GuestOnly } from './guest-only';
import { NotFoundPage } from './not-found-page';
import { NotificationsRoute } from './notifications-route';
import { RequireAuth } from './require-auth';
import { RoutePanel } from './route-panel';

// The lab (and its chart library) and the chat (with its list virtualizer) load when first opened: a visit to
// the data table needs neither.
const LabRoute = lazy(() => import('./lab-route').then((m) => ({ default: m.LabRoute })));
const ChatRoute = lazy(() => import('./chat-route').then((m) => ({ default: m.ChatRoute })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<GuestOnly />}>
        <Route path="sign-in" element={<RoutePanel label="Sign in"><SignInPage /></RoutePanel>} />
        <Route path="register" element={<RoutePanel label="Registration"><RegisterPage /></RoutePanel>} />
      </Route>
      <Route element={<RequireAuth>{(user) => <AppShell user={user} />}</RequireAuth>}>
        <Route index element={<Navigate to="/data" replace />} />
        <Route path="data" element={<RoutePanel label="Data"><DataPage /></RoutePanel>} />
        <Route path="notifications" element={<RoutePanel label="Notifications"><NotificationsRoute /></RoutePanel>} />
        <Route path="chat" element={<RoutePanel label="Chat"><ChatRoute /></RoutePanel>} />
        <Route path="lab" element={<RoutePanel label="Lab"><LabRoute /></RoutePanel>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
