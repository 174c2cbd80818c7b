/** An update link that never existed or was changed: HTTP 404, and what to do next. */
export default function InvalidUpdateLink() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">This link is not valid</h1>
      <p className="mb-4">
        The link may have been copied wrongly or cut short. Check that you used the whole link from the email.
      </p>
      <p className="mb-4">If it still does not work, ask the person who sent it for a new link.</p>
      <p>Nothing has been sent or changed.</p>
    </div>
  );
}
