export const labKeys = {
  all: ['lab'] as const,
  stats: () => [...labKeys.all, 'stats'] as const,
  ticker: () => [...labKeys.all, 'ticker'] as const,
};
