// The console's routes, under /ui (the control plane serves index.html for
// every path there, so a deep link or a reload lands on the right page).
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SessionProvider, type ClientFactory } from '../auth/auth-context';
import { RequireArea, RequireSession } from '../auth/require-session';
import type { ConsoleConfigLoader } from '../auth/oidc/console-config';
import { SignInCallbackPage } from '../auth/SignInCallbackPage';
import { SignInPage } from '../auth/SignInPage';
import { DeadLettersPage } from '../dead-letters/DeadLettersPage';
import { PoolDetailPage } from '../pools/PoolDetailPage';
import { PoolsPage } from '../pools/PoolsPage';
import { Shell } from '../shell/Shell';
import { TemplateDetailPage } from '../templates/TemplateDetailPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { EmptyState } from '../ui/feedback';
import { WorkflowDetailPage } from '../workflows/WorkflowDetailPage';
import { WorkflowsPage } from '../workflows/WorkflowsPage';

/** `createClient` and `loadConsoleConfig` replace the network in component tests. */
export function App({ createClient, loadConsoleConfig }: { createClient?: ClientFactory; loadConsoleConfig?: ConsoleConfigLoader }) {
  return (
    <BrowserRouter basename="/ui">
      <SessionProvider {...(createClient && { createClient })}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage {...(loadConsoleConfig && { loadConfig: loadConsoleConfig })} />} />
          <Route path="/sign-in/callback" element={<SignInCallbackPage />} />
          <Route
            element={
              <RequireSession>
                <Shell />
              </RequireSession>
            }
          >
            <Route index element={<Navigate to="/workflows" replace />} />
            <Route
              path="/workflows"
              element={
                <RequireArea area="workflows">
                  <WorkflowsPage />
                </RequireArea>
              }
            />
            <Route
              path="/workflows/:id"
              element={
                <RequireArea area="workflows">
                  <WorkflowDetailPage />
                </RequireArea>
              }
            />
            <Route
              path="/templates"
              element={
                <RequireArea area="templates">
                  <TemplatesPage />
                </RequireArea>
              }
            />
            <Route
              path="/templates/:templateId"
              element={
                <RequireArea area="templates">
                  <TemplateDetailPage />
                </RequireArea>
              }
            />
            <Route
              path="/pools"
              element={
                <RequireArea area="pools">
                  <PoolsPage />
                </RequireArea>
              }
            />
            <Route
              path="/pools/:pool"
              element={
                <RequireArea area="pools">
                  <PoolDetailPage />
                </RequireArea>
              }
            />
            <Route
              path="/dead-letters"
              element={
                <RequireArea area="deadLetters">
                  <DeadLettersPage />
                </RequireArea>
              }
            />
            <Route path="*" element={<EmptyState title="No such page">The address does not name a page of the console.</EmptyState>} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
