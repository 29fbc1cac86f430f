// Files the coach saves (backups, summaries, reports) go through the browser's
// own download, so nothing leaves the device over the network.

/** Gives the browser a file to save, without any network: a Blob behind a temporary link. */
export function downloadText(fileName: string, contents: string): void {
  const type = fileName.endsWith('.csv') ? 'text/csv' : 'application/json';
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
