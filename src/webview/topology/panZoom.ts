// Pan (drag, arrow keys), zoom (wheel around the pointer, +/-) and fit, as one transform on the
// picture's group. The view is plain numbers so it can be saved and restored.
export interface View {
  x: number;
  y: number;
  k: number;
}

export class PanZoom {
  view: View = { x: 0, y: 0, k: 1 };
  private drag: { x: number; y: number; vx: number; vy: number } | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly target: () => SVGGElement | undefined,
    private readonly onChange: (view: View) => void,
  ) {
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    }, { passive: false });
    svg.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('.iface, .ns') && e.button === 0 && !e.shiftKey) return;
      this.drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      this.set({ ...this.view, x: this.drag.vx + e.clientX - this.drag.x, y: this.drag.vy + e.clientY - this.drag.y });
    });
    svg.addEventListener('pointerup', () => (this.drag = undefined));
  }

  set(view: View): void {
    this.view = { x: view.x, y: view.y, k: Math.min(8, Math.max(0.05, view.k)) };
    this.target()?.setAttribute('transform', `translate(${this.view.x} ${this.view.y}) scale(${this.view.k})`);
    this.onChange(this.view);
  }

  zoomAt(factor: number, px: number, py: number): void {
    const k = Math.min(8, Math.max(0.05, this.view.k * factor));
    const f = k / this.view.k;
    this.set({ k, x: px - (px - this.view.x) * f, y: py - (py - this.view.y) * f });
  }

  zoomCentre(factor: number): void {
    const rect = this.svg.getBoundingClientRect();
    this.zoomAt(factor, rect.width / 2, rect.height / 2);
  }

  pan(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  /** Fits the rectangle x, y, width, height of the picture (layout units) into the view. */
  fit(x: number, y: number, width: number, height: number, margin = 24): void {
    const rect = this.svg.getBoundingClientRect();
    if (width <= 0 || height <= 0 || rect.width <= 0) return;
    const k = Math.min(2, (rect.width - 2 * margin) / width, (rect.height - 2 * margin) / height);
    this.set({ k, x: (rect.width - width * k) / 2 - x * k, y: Math.max(margin, (rect.height - height * k) / 2) - y * k });
  }

  /** Brings a point of the picture (layout units) to the middle. */
  centreOn(px: number, py: number): void {
    const rect = this.svg.getBoundingClientRect();
    this.set({ ...this.view, x: rect.width / 2 - px * this.view.k, y: rect.height / 2 - py * this.view.k });
  }
}
