// The frame of every signed-in page: the brand, the main navigation, the
// theme toggle and sign-out; the page itself renders in <main>.
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import type { Area } from '../auth/access';
import { useSession } from '../auth/auth-context';
import { DeadLetterIcon, LogoIcon, MoonIcon, PoolIcon, SignOutIcon, SunIcon, TemplateIcon, WorkflowIcon } from './icons';
import { useTheme } from './theme';

const LINKS: { to: string; label: string; icon: JSX.Element; area: Area }[] = [
  { to: '/workflows', label: 'Workflows', icon: <WorkflowIcon />, area: 'workflows' },
  { to: '/templates', label: 'Templates', icon: <TemplateIcon />, area: 'templates' },
  { to: '/pools', label: 'Pools', icon: <PoolIcon />, area: 'pools' },
  { to: '/dead-letters', label: 'Dead letters', icon: <DeadLetterIcon />, area: 'deadLetters' },
];

export function Shell() {
  const { signOut, access } = useSession();
  const navigate = useNavigate();
  const [theme, toggleTheme] = useTheme();
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <LogoIcon /> Base Shift
        </span>
        <nav aria-label="Main" className="nav">
          <div className="nav-links">
            {LINKS.filter((link) => access[link.area] !== 'denied').map((link) => (
              <NavLink key={link.to} to={link.to} className="nav-link">
                {link.icon}
                <span>{link.label}</span>
              </NavLink>
            ))}
          </div>
          <div className="nav-actions">
            <button type="button" className="ghost icon-button" onClick={toggleTheme} title={theme === 'dark' ? 'Use the light theme' : 'Use the dark theme'}>
              {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
              <span className="visually-hidden">{theme === 'dark' ? 'Light theme' : 'Dark theme'}</span>
            </button>
            <button
              type="button"
              className="ghost"
              onClick={() => {
                signOut();
                navigate('/sign-in', { replace: true });
              }}
            >
              <SignOutIcon />
              <span>Sign out</span>
            </button>
          </div>
        </nav>
      </header>
      <main id="content" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
