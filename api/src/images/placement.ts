export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Top-left offset of a box of the given size placed in a corner with a margin. */
export function cornerOffset(corner: Corner, image: { width: number; height: number }, box: { width: number; height: number }, margin: number) {
  const left = corner.endsWith('right') ? image.width - box.width - margin : margin;
  const top = corner.startsWith('bottom') ? image.height - box.height - margin : margin;
  return { left: Math.max(0, Math.round(left)), top: Math.max(0, Math.round(top)) };
}
