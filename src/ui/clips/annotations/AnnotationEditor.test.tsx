import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';
import type { ClipAnnotation } from '../../../domain/clip-annotations';
import { AnnotationEditor } from './AnnotationEditor';

// jsdom has no PointerEvent: without one, the coordinates of a fired pointer event are dropped.
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 0;
  }
}
beforeAll(() => {
  if (!('PointerEvent' in window)) Object.assign(window, { PointerEvent: TestPointerEvent });
});

function Host({ video, start = [] as ClipAnnotation[], onValue }: { video: HTMLVideoElement | null; start?: ClipAnnotation[]; onValue?: (a: ClipAnnotation[]) => void }) {
  const [value, setValue] = useState<ClipAnnotation[]>(start);
  return <AnnotationEditor durationSeconds={10} video={video} value={value} onChange={(a) => (setValue(a), onValue?.(a))} />;
}

function previewVideo(): HTMLVideoElement {
  const box = document.createElement('div');
  const video = document.createElement('video');
  box.appendChild(video);
  document.body.appendChild(box);
  return video;
}

describe('AnnotationEditor', () => {
  it('adds a blur from the keyboard form, lists it, and removes it', () => {
    const seen: ClipAnnotation[][] = [];
    render(<Host video={null} onValue={(a) => seen.push(a)} />);
    fireEvent.change(screen.getByTestId('annotation-start'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('annotation-end'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('annotation-add'));
    expect(seen[0]).toEqual([{ kind: 'blur', x: 0.1, y: 0.1, width: 0.3, height: 0.2, startSeconds: 2, endSeconds: 6 }]);
    expect(screen.getAllByTestId('annotation-item')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /Remove Blur at 10%/ }));
    expect(seen[1]).toEqual([]);
    expect(screen.queryByTestId('annotation-list')).toBeNull();
  });

  it('says why the form cannot add, and stops at the maximum', () => {
    const many = Array.from({ length: 20 }, () => ({ kind: 'box' as const, x: 0, y: 0, width: 0.1, height: 0.1, startSeconds: 0, endSeconds: 1 }));
    render(<Host video={null} start={many} />);
    expect((screen.getByTestId('annotation-add') as HTMLButtonElement).disabled).toBe(true);
  });

  it('draws an arrow by dragging over the preview, from the playback time for four seconds', () => {
    const video = previewVideo();
    Object.defineProperty(video, 'currentTime', { value: 3, writable: true });
    const seen: ClipAnnotation[][] = [];
    render(<Host video={video} onValue={(a) => seen.push(a)} />);
    fireEvent.click(screen.getByTestId('annotation-tool-arrow'));
    const surface = screen.getByTestId('annotation-surface');
    surface.getBoundingClientRect = () => ({ left: 0, top: 0, width: 200, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(surface, { clientX: 20, clientY: 80, pointerId: 1 });
    fireEvent.pointerMove(surface, { clientX: 120, clientY: 30, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: 120, clientY: 30, pointerId: 1 });
    expect(seen[0]).toEqual([{ kind: 'arrow', x: 0.1, y: 0.8, width: 0.5, height: -0.5, startSeconds: 3, endSeconds: 7 }]);
  });
});
