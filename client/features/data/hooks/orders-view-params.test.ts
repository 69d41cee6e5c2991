import { describe, expect, it } from 'vitest';
import { changeView, DEFAULT_VIEW, parseOrdersView, serializeOrdersView, type OrdersView } from './orders-view-params';

const parse = (query: string) => parseOrdersView(new URLSearchParams(query));

describe('parseOrdersView', () => {
  it('gives the default view for an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(DEFAULT_VIEW).toMatchObject({ mode: 'pages', sort: 'created_at', order: 'desc', page: 1, pageSize: 25 });
  });

  it('reads every parameter', () => {
    expect(
      parse('view=infinite&status=paid,pending&q=%20Ada%20&created_from=2026-01-01&created_to=2026-01-31&sort=amount&order=asc&page=3&page_size=50'),
    ).toEqual({
      mode: 'infinite',
      statuses: ['pending', 'paid'],
      q: 'Ada',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      sort: 'amount',
      order: 'asc',
      page: 3,
      pageSize: 50,
    });
  });

  it('ignores invalid values and keeps the valid ones', () => {
    expect(
      parse('view=grid&status=paid,lost,paid&sort=customer&order=up&page=0&page_size=30&created_from=2026-02-30&created_to=yesterday'),
    ).toEqual({ ...DEFAULT_VIEW, statuses: ['paid'] });
    expect(parse('page=-2').page).toBe(1);
    expect(parse('page=1.5').page).toBe(1);
    expect(parse('page=99999999999').page).toBe(1);
    expect(parse('page_size=abc').pageSize).toBe(25);
  });

  it('drops an end date before the start date', () => {
    expect(parse('created_from=2026-03-10&created_to=2026-03-01')).toMatchObject({ createdFrom: '2026-03-10', createdTo: '' });
    expect(parse('created_from=2026-03-10&created_to=2026-03-10')).toMatchObject({ createdTo: '2026-03-10' });
  });

  it('caps the search at 100 characters', () => {
    expect(parse(`q=${'x'.repeat(150)}`).q).toHaveLength(100);
  });
});

describe('serializeOrdersView', () => {
  it('leaves defaults out', () => {
    expect(serializeOrdersView(DEFAULT_VIEW).toString()).toBe('');
  });

  it('round-trips a view', () => {
    const view: OrdersView = {
      mode: 'pages',
      statuses: ['paid', 'shipped'],
      q: 'blue mug',
      createdFrom: '2026-01-02',
      createdTo: '',
      sort: 'id',
      order: 'asc',
      page: 7,
      pageSize: 100,
    };
    const params = serializeOrdersView(view);
    expect(params.get('status')).toBe('paid,shipped');
    expect(params.has('created_to')).toBe(false);
    expect(parseOrdersView(params)).toEqual(view);
  });

  it('does not keep a page number in the infinite view', () => {
    const params = serializeOrdersView({ ...DEFAULT_VIEW, mode: 'infinite', page: 4 });
    expect(params.toString()).toBe('view=infinite');
  });
});

describe('changeView', () => {
  const onPage5: OrdersView = { ...DEFAULT_VIEW, page: 5 };

  it('goes back to page 1 when the filters or the sort change', () => {
    expect(changeView(onPage5, { q: 'ada' }).page).toBe(1);
    expect(changeView(onPage5, { statuses: ['paid'] }).page).toBe(1);
    expect(changeView(onPage5, { order: 'asc' }).page).toBe(1);
  });

  it('keeps the page when nothing about the list changes', () => {
    expect(changeView(onPage5, { mode: 'infinite' }).page).toBe(5);
    expect(changeView(onPage5, { q: '' }).page).toBe(5);
  });

  it('keeps the first row in view when the page size changes', () => {
    // Page 5 of 25 starts at row 101, which is on page 3 of 50 and page 11 of 10.
    expect(changeView(onPage5, { pageSize: 50 }).page).toBe(3);
    expect(changeView(onPage5, { pageSize: 10 }).page).toBe(11);
  });

  it('uses an explicit page as given', () => {
    expect(changeView(onPage5, { q: 'ada', page: 2 }).page).toBe(2);
  });
});
