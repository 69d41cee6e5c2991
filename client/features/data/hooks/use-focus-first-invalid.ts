import { useEffect, type RefObject } from 'react';

/** After a submit shows messages, keyboard users land on the first field (or alert) that needs attention. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    target?.focus();
  }, [formRef, attempt]);
}
