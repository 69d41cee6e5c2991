import { linkify } from './linkify';

/** Message text as text nodes and safe links; never parsed as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="chat-message-text">
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
