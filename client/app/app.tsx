import { AppProvider } from './provider';
import { AppRoutes } from './routes/app-routes';

export function App() {
  return (
    <AppProvider>
      <AppRoutes />
    </AppProvider>
  );
}
