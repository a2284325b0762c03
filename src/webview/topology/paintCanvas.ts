// PNG export without loading the SVG as an image (the webview's CSP allows no data: or blob:
// images): paints the picture's own elements (rect, path, text under translate groups) onto a
// canvas, with the inherited text attributes (fill, font family, size, weight) SVG would apply.
export function paintSvgToCanvas(root: SVGGElement, width: number, height: number, background: string, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  paint(ctx, root, { fill: '#000', fontFamily: 'sans-serif', fontSize: 12, fontWeight: 'normal' });
  return canvas;
}

interface Inherited {
  fill: string;
  fontFamily: string;
  fontSize: number;
  fontWeight: string;
}

const num = (el: Element, name: string, fallback = 0) => {
  const v = el.getAttribute(name);
  return v === null ? fallback : Number(v);
};

function paint(ctx: CanvasRenderingContext2D, el: Element, parent: Inherited): void {
  ctx.save();
  const inherited: Inherited = {
    fill: el.getAttribute('fill') ?? parent.fill,
    fontFamily: el.getAttribute('font-family') ?? parent.fontFamily,
    fontSize: num(el, 'font-size', parent.fontSize),
    fontWeight: el.getAttribute('font-weight') ?? parent.fontWeight,
  };
  const transform = el.getAttribute('transform');
  const match = transform && /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(transform);
  if (match) ctx.translate(Number(match[1]), Number(match[2]));
  const fill = inherited.fill;
  const stroke = el.getAttribute('stroke');
  ctx.lineWidth = num(el, 'stroke-width', 1);
  const dash = el.getAttribute('stroke-dasharray');
  ctx.setLineDash(dash ? dash.split(/[ ,]+/).map(Number) : []);
  if (el.getAttribute('opacity')) ctx.globalAlpha = num(el, 'opacity', 1);
  switch (el.tagName) {
    case 'rect': {
      const path = new Path2D();
      path.roundRect(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'), num(el, 'rx'));
      if (fill !== 'none') {
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
      ctx.fillStyle = fill;
      ctx.font = `${inherited.fontWeight} ${inherited.fontSize}px ${inherited.fontFamily}`;
      const anchor = el.getAttribute('text-anchor');
      ctx.textAlign = anchor === 'end' ? 'right' : anchor === 'middle' ? 'center' : 'left';
      ctx.fillText(el.textContent ?? '', num(el, 'x'), num(el, 'y'));
      break;
    }
  }
  for (const child of Array.from(el.children)) paint(ctx, child, inherited);
  ctx.restore();
}
