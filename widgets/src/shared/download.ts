/**
 * Saves an image under a file name. Cross-origin `<a download>` is ignored by browsers, so the bytes are fetched
 * and saved from a blob URL; if that fails (CORS, network) the image opens in a new tab instead.
 */
export async function downloadImage(url: string, fileName: string): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(String(res.status));
    const blob = await res.blob();
    const ext = blob.type === 'image/webp' ? 'webp' : blob.type === 'image/jpeg' ? 'jpg' : 'png';
    saveBlob(blob, `${fileName}.${ext}`);
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}

/** Saves bytes the page already holds (an image, a PDF receipt) under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A pleasant gradient for items without a thumbnail, stable per id. */
export function placeholderGradient(id: string): string {
  const palettes = [
    ['#6366f1', '#ec4899'], ['#0ea5e9', '#22c55e'], ['#f59e0b', '#ef4444'], ['#8b5cf6', '#06b6d4'],
    ['#14b8a6', '#6366f1'], ['#f97316', '#db2777'], ['#84cc16', '#0ea5e9'], ['#e11d48', '#7c3aed'],
  ];
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  const [a, b] = palettes[h % palettes.length]!;
  return `linear-gradient(135deg, ${a}, ${b})`;
}
