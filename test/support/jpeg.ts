/** A real 64 × 48 JPEG for photo tests, drawn with the canvas pdf-parse brings (no binary fixture to trust blindly). */
export async function jpeg(): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const c = createCanvas(64, 48);
  const g = c.getContext('2d');
  g.fillStyle = '#2a6';
  g.fillRect(0, 0, 64, 48);
  g.fillStyle = '#fff';
  g.fillRect(10, 10, 20, 20);
  return c.encode('jpeg', 80);
}
