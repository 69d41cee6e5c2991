import { PlaceholderPage } from '../../../shared/components/placeholder-page';

export function DataPage() {
  return (
    <PlaceholderPage title="Data">
      <p>
        A live orders table is coming here, with both page-number and cursor pagination, kept fresh by polling the
        REST API.
      </p>
    </PlaceholderPage>
  );
}
