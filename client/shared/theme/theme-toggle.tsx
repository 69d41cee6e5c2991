import { useId } from 'react';
import { THEMES, useThemeStore, type Theme } from './theme-store';

const labels: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** A radio group rather than a cycling button: every choice is visible and reachable with arrow keys. */
export function ThemeToggle() {
  const theme = useThemeStore((state) => state.theme);
  const setTheme = useThemeStore((state) => state.setTheme);
  const name = useId();

  return (
    <fieldset className="theme-toggle">
      <legend>Theme</legend>
      {THEMES.map((option) => (
        <label key={option} className={option === theme ? 'is-selected' : undefined}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={option === theme}
            onChange={() => setTheme(option)}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
