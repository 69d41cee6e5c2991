// Scrolling up into the top of what is loaded asks for the page before it, and again once that page is in while
// the view is still up there. Only on the way up: the first view starts at the top before it is moved to the
// newest message, and that must not load anything.
import { useEffect, useRef, useState } from 'react';

const LOAD_WITHIN_PX = 400;

export function useLoadOlderNearTop(canLoad: boolean, load: () => void) {
  const lastTop = useRef(0);
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    if (wanted && canLoad) load();
  }, [wanted, canLoad, load]);

  return (scroller: HTMLElement) => {
    const up = scroller.scrollTop < lastTop.current;
    lastTop.current = scroller.scrollTop;
    if (scroller.scrollTop >= LOAD_WITHIN_PX) setWanted(false);
    else if (up) setWanted(true);
  };
}
