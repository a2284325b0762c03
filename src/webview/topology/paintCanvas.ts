// PNG export without loading the SVG as an image (the webview's CSP allows no data: or blob:
// images): paints the picture's own elements (rect, path, text under translate groups) onto a
// canvas.
export function paintSvgToCanvas(root: SVGGElement, width: number, height: number, background: string, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  paint(ctx, root);
  return canvas;
}

const num = (el: Element, name: string, fallback = 0) => {
  const v = el.getAttribute(name);
  return v === null ? fallback : Number(v);
};

function paint(ctx: CanvasRenderingContext2D, el: Element): void {
  ctx.save();
  const transform = el.getAttribute('transform');
  const match = transform && /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(transform);
  if (match) ctx.translate(Number(match[1]), Number(match[2]));
  const fill = el.getAttribute('fill');
  const stroke = el.getAttribute('stroke');
  ctx.lineWidth = num(el, 'stroke-width', 1);
  const dash = el.getAttribute('stroke-dasharray');
  ctx.setLineDash(dash ? dash.split(/[ ,]+/).map(Number) : []);
  if (el.getAttribute('opacity')) ctx.globalAlpha = num(el, 'opacity', 1);
  switch (el.tagName) {
    case 'rect': {
      const path = new Path2D();
      path.roundRect(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'), num(el, 'rx'));
      if (fill && fill !== 'none') {
        ctx.fillStyle = fill;
        ctx.fill(path);
      }
      if (stroke && stroke !== 'none') {
        ctx.strokeStyle = stroke;
        ctx.stroke(path);
      }
      break;
    }
    case 'path': {
      const path = new Path2D(el.getAttribute('d') ?? '');
      if (stroke) {
        ctx.strokeStyle = stroke;
        ctx.stroke(path);
      }
      break;
    }
    case 'text': {
      ctx.fillStyle = fill ?? '#000';
      ctx.font = `${el.getAttribute('font-weight') ?? 'normal'} ${num(el, 'font-size', 12)}px ${el.getAttribute('font-family') ?? 'sans-serif'}`;
      const anchor = el.getAttribute('text-anchor');
      ctx.textAlign = anchor === 'end' ? 'right' : anchor === 'middle' ? 'center' : 'left';
      ctx.fillText(el.textContent ?? '', num(el, 'x'), num(el, 'y'));
      break;
    }
  }
  for (const child of Array.from(el.children)) paint(ctx, child);
  ctx.restore();
}
