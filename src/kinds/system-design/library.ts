// The built-in library of ML-system components offered beside the board. Plain data: the board
// turns each into an Excalidraw library item (a labelled shape) when it loads, and every shape
// carries customData.component so the round can count what was placed.

export interface Component {
  id: string;
  name: string;
  shape: 'rectangle' | 'ellipse' | 'diamond';
  /** Sharp corners for queues and streams, rounded for services. */
  sharp?: boolean;
  /** Fill and stroke, readable with the label in both themes (Excalidraw inverts in dark). */
  fill: string;
  stroke: string;
}

// Families share a colour: data (blue), learning (violet), serving (green), control (orange),
// operations (red), people (yellow).
export const COMPONENTS: Component[] = [
  {
    id: 'data-source',
    name: 'Data source',
    shape: 'rectangle',
    fill: '#a5d8ff',
    stroke: '#1971c2',
  },
  {
    id: 'event-stream',
    name: 'Event stream',
    shape: 'rectangle',
    sharp: true,
    fill: '#a5d8ff',
    stroke: '#1971c2',
  },
  { id: 'batch-store', name: 'Batch store', shape: 'ellipse', fill: '#a5d8ff', stroke: '#1971c2' },
  {
    id: 'feature-store',
    name: 'Feature store',
    shape: 'ellipse',
    fill: '#99e9f2',
    stroke: '#0c8599',
  },
  {
    id: 'training-pipeline',
    name: 'Training pipeline',
    shape: 'rectangle',
    fill: '#d0bfff',
    stroke: '#6741d9',
  },
  {
    id: 'model-registry',
    name: 'Model registry',
    shape: 'ellipse',
    fill: '#d0bfff',
    stroke: '#6741d9',
  },
  {
    id: 'model-server',
    name: 'Model server',
    shape: 'rectangle',
    fill: '#b2f2bb',
    stroke: '#2f9e44',
  },
  { id: 'cache', name: 'Cache', shape: 'ellipse', fill: '#b2f2bb', stroke: '#2f9e44' },
  {
    id: 'queue',
    name: 'Queue',
    shape: 'rectangle',
    sharp: true,
    fill: '#ffec99',
    stroke: '#e67700',
  },
  { id: 'ab-router', name: 'A/B router', shape: 'diamond', fill: '#ffd8a8', stroke: '#e8590c' },
  {
    id: 'monitoring',
    name: 'Monitoring / alerts',
    shape: 'rectangle',
    fill: '#ffc9c9',
    stroke: '#e03131',
  },
  {
    id: 'labeling-queue',
    name: 'Labeling queue',
    shape: 'rectangle',
    sharp: true,
    fill: '#fff3bf',
    stroke: '#f08c00',
  },
  {
    id: 'vector-index',
    name: 'Vector index',
    shape: 'ellipse',
    fill: '#99e9f2',
    stroke: '#0c8599',
  },
];
