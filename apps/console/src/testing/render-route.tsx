import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../auth/auth-context';
import type { FakeClient } from './fake-client';

/** Renders one page as the app routes it: signed in with the fake client, at `url`, matched by `path`. */
export function renderRoute(fake: FakeClient, { url, path, element }: { url: string; path: string; element: ReactElement }) {
  return render(
    <SessionProvider createClient={() => fake.client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}
