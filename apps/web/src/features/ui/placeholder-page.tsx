import { EmptyState } from "./empty-state";
import { PageTitle } from "./page-title";

/** A tab whose API does not exist yet: its title and an empty state, never an error. */
export function PlaceholderPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <EmptyState />
    </>
  );
}
