// Light or dark: the system's preference until the person picks one with the
// toggle (remembered in localStorage: a display preference, not a secret).
import { useCallback, useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'base-shift.theme';

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): [Theme, () => void] {
  const [chosen, setChosen] = useState<Theme | undefined>(() => {
    const saved = localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : undefined;
  });
  const theme = chosen ?? systemTheme();
  useEffect(() => {
    if (chosen) document.documentElement.dataset['theme'] = chosen;
    else delete document.documentElement.dataset['theme'];
  }, [chosen]);
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    setChosen(next);
  }, [theme]);
  return [theme, toggle];
}
