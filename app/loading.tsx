export default function Loading() {
  return (
    <p role="status" className="text-secondary">
      Loading…
    </p>
  );
}
