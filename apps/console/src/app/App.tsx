// The console's routes, under /ui (the control plane serves index.html for
// every path there, so a deep link or a reload lands on the right page).
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SessionProvider, type ClientFactory } from '../auth/auth-context';
import { RequireSession } from '../auth/require-session';
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

export function App({ createClient }: { createClient?: ClientFactory }) {
  return (
    <BrowserRouter basename="/ui">
      <SessionProvider {...(createClient && { createClient })}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            element={
              <RequireSession>
                <Shell />
              </RequireSession>
            }
          >
            <Route index element={<Navigate to="/workflows" replace />} />
            <Route path="/workflows" element={<WorkflowsPage />} />
            <Route path="/workflows/:id" element={<WorkflowDetailPage />} />
            <Route path="/templates" element={<TemplatesPage />} />
            <Route path="/templates/:templateId" element={<TemplateDetailPage />} />
            <Route path="/pools" element={<PoolsPage />} />
            <Route path="/pools/:pool" element={<PoolDetailPage />} />
            <Route path="/dead-letters" element={<DeadLettersPage />} />
            <Route path="*" element={<EmptyState title="No such page">The address does not name a page of the console.</EmptyState>} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
