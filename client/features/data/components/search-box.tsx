// The search text is local while typing and reaches the URL (and the server) after a short pause, so each key
// press does not cost a request. Enter searches at once.
import { useEffect, useId, useState } from 'react';

const TYPING_PAUSE_MS = 300;

export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed on its own (Back, "Clear filters"): show what it says, unless that is what is typed already.
  if (value !== shown) {
    setShown(value);
    if (text.trim() !== value) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="filter-field search-box"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id}>Search customer or item</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={100}
        placeholder="Name or item, from the start"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
