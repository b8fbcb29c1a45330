import React from 'react';
import type { ClipAnnotation } from '../../../domain/clip-annotations';

const pct = (n: number) => `${n * 100}%`;

/** The annotations shown over the preview now: an approximation of what the server burns in. */
export function AnnotationShapes({ annotations }: { annotations: ClipAnnotation[] }) {
  return (
    <svg width="100%" height="100%" style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'visible' }} focusable="false">
      <defs>
        <marker id="vx-annotation-head" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">
          <path d="M0,0 L6,3 L0,6 z" fill="#FFD400" />
        </marker>
      </defs>
      {annotations.map((a, i) =>
        a.kind === 'arrow' ? (
          <line key={i} x1={pct(a.x)} y1={pct(a.y)} x2={pct(a.x + a.width)} y2={pct(a.y + a.height)} stroke="#FFD400" strokeWidth={5} markerEnd="url(#vx-annotation-head)" data-shape="arrow" />
        ) : (
          <rect
            key={i}
            x={pct(a.x)}
            y={pct(a.y)}
            width={pct(a.width)}
            height={pct(a.height)}
            fill={a.kind === 'blur' ? 'rgba(128,128,128,0.85)' : 'none'}
            stroke={a.kind === 'blur' ? '#333' : '#FFD400'}
            strokeDasharray={a.kind === 'blur' ? '6 4' : undefined}
            strokeWidth={a.kind === 'blur' ? 2 : 5}
            data-shape={a.kind}
          />
        ),
      )}
    </svg>
  );
}
