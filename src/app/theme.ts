// Light and dark follow the system unless the person picks one; the choice is a preference
// kept in localStorage (read synchronously at start, so the page never flashes the wrong theme).
export type ThemePref = 'system' | 'light' | 'dark';
const KEY = 'mockloop:theme';

export function readThemePref(): ThemePref {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function saveThemePref(pref: ThemePref): void {
  try {
    if (pref === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, pref);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}

export function systemTheme(): 'light' | 'dark' {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

export function applyTheme(pref: ThemePref): 'light' | 'dark' {
  const theme = pref === 'system' ? systemTheme() : pref;
  document.documentElement.dataset.theme = theme;
  return theme;
}

export function nextThemePref(pref: ThemePref): ThemePref {
  return pref === 'system' ? 'light' : pref === 'light' ? 'dark' : 'system';
}
