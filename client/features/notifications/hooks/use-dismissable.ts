// Closes a non-modal popover the ways people expect: Escape (focus goes back to the opener), a click elsewhere,
// or moving the focus elsewhere with Tab. Focus lost to nothing (the focused item was deleted) keeps it open.
import { useEffect, useEffectEvent, type RefObject } from 'react';

export function useDismissable(open: boolean, rootRef: RefObject<HTMLElement | null>, close: (returnFocus: boolean) => void): void {
  const onClose = useEffectEvent(close);

  useEffect(() => {
    if (!open) return;
    const outside = (target: EventTarget | null) => target instanceof Node && !rootRef.current?.contains(target);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event.target)) onClose(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (outside(event.target)) onClose(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, rootRef]);
}
