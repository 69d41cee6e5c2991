// Infinite scroll: asks for the next page when a marker below the list comes near the screen. The observer sees
// through scrolling containers (the panel) as well as the window (the page).
import { useEffect, useEffectEvent, type RefObject } from 'react';

export function useLoadMoreWhenVisible(markerRef: RefObject<Element | null>, enabled: boolean, loadMore: () => void): void {
  const onVisible = useEffectEvent(loadMore);

  useEffect(() => {
    const marker = markerRef.current;
    if (!enabled || !marker || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible();
    }, { rootMargin: '200px 0px' });
    observer.observe(marker);
    return () => observer.disconnect();
  }, [markerRef, enabled]);
}
