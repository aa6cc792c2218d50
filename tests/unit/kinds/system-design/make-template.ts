// A small valid system design template for tests, with overrides.
import type { DesignTemplate } from '../../../../src/kinds/system-design/spec';

export function makeDesignTemplate(overrides: Partial<DesignTemplate> = {}): DesignTemplate {
  const outline = (what: string) => `- ${what}`;
  return {
    id: 'tiny-feed',
    title: 'Tiny feed',
    summary: 'Rank a small feed.',
    tags: ['ranking'],
    tracks: ['mle'],
    minutes: 45,
    difficulty: 'medium',
    prompt: 'Design the feed.',
    facts: [
      { name: 'daily_users', value: 10_000_000, unit: 'users' },
      { name: 'requests_per_user', value: 8, unit: 'requests/user/day' },
      { name: 'peak_factor', value: 3, unit: 'peak / mean' },
      { name: 'bytes_per_event', value: 500, unit: 'bytes' },
    ],
    clarifications: [
      {
        id: 'scale',
        question: 'How many users?',
        answer: '10M a day, 8 requests each.',
        facts: ['daily_users', 'requests_per_user'],
        important: true,
      },
      {
        id: 'peak',
        question: 'How peaky?',
        answer: 'Peak is 3× the mean.',
        facts: ['peak_factor'],
        important: true,
      },
      {
        id: 'events',
        question: 'How big is an event?',
        answer: 'About 500 bytes.',
        facts: ['bytes_per_event'],
        important: false,
      },
      {
        id: 'goal',
        question: 'What is the goal?',
        answer: 'Time well spent.',
        facts: [],
        important: true,
      },
      { id: 'latency', question: 'Latency?', answer: '150 ms p99.', facts: [], important: false },
      {
        id: 'privacy',
        question: 'Privacy?',
        answer: 'No sensitive data.',
        facts: [],
        important: false,
      },
    ],
    stages: {
      framing: { minutes: 5, outline: outline('metric') },
      data: { minutes: 5, outline: outline('logs') },
      features: { minutes: 8, outline: outline('features') },
      modeling: { minutes: 10, outline: outline('model') },
      serving: { minutes: 8, outline: outline('serving') },
      deployment: { minutes: 4, outline: outline('A/B') },
      monitoring: { minutes: 5, outline: outline('drift') },
    },
    estimates: [
      {
        id: 'peak-qps',
        quantity: 'Peak requests per second',
        unit: 'count/s',
        noun: 'requests',
        inputs: ['daily_users', 'requests_per_user', 'peak_factor'],
        formula: 'daily_users * requests_per_user * peak_factor / 86400',
        reference: 2777.8,
        factor: 2,
        working: '10M × 8 × 3 / 86,400 ≈ 2,800/s',
      },
      {
        id: 'log-volume',
        quantity: 'Event log volume per day',
        unit: 'bytes/day',
        noun: 'events',
        inputs: ['daily_users', 'requests_per_user', 'bytes_per_event'],
        formula: 'daily_users * requests_per_user * bytes_per_event',
        reference: 40_000_000_000,
        factor: 2,
        working: '80M requests × 500 B = 40 GB/day',
      },
    ],
    followups: [
      { id: 'cold-start', at: 10, prompt: 'Cold start?', covers: '- popular items' },
      { id: 'latency-breach', at: 20, prompt: 'p99 over budget?', covers: '- cache' },
      { id: 'drift', at: 30, prompt: 'Drift?', covers: '- monitor' },
      { id: 'abuse', at: 40, prompt: 'Abuse?', covers: '- filters' },
    ],
    pitfalls: ['No metric.', 'No baseline.', 'No monitoring.'],
    ...overrides,
  };
}
