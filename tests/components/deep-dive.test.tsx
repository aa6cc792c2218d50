// @vitest-environment jsdom
// The deep-dive round's views with the browser's media edges replaced: getUserMedia and
// MediaRecorder by scripted fakes, speechSynthesis by a fake with chosen voices, and the
// stored pieces by an in-memory MediaAccess.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type DeepDiveAnswer,
  type DeepDiveTemplate,
  deepDiveSpec,
  stepsOf,
} from '../../src/kinds/deep-dive/spec';
import views from '../../src/kinds/deep-dive/views';
import type { MediaAccess, MediaPiece, Project, ProjectAccess } from '../../src/kinds/views';
import { makeBank, makeCritique, makeStory } from '../unit/kinds/deep-dive/fixtures';

// ---- the edges ----

class FakeTrack extends EventTarget {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

class FakeRecorder {
  static instances: FakeRecorder[] = [];
  static isTypeSupported = (t: string) => t === 'audio/webm;codecs=opus';
  state: 'inactive' | 'recording' = 'inactive';
  mimeType: string;
  timeslice: number | undefined;
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    public stream: { track: FakeTrack },
    public opts: { mimeType?: string; audioBitsPerSecond?: number },
  ) {
    this.mimeType = opts.mimeType ?? '';
    FakeRecorder.instances.push(this);
  }
  start(ms?: number) {
    this.timeslice = ms;
    this.state = 'recording';
  }
  /** A piece of `bytes` bytes, as MediaRecorder hands one every timeslice. */
  piece(bytes: number) {
    this.ondataavailable?.({ data: new Blob([new Uint8Array(bytes)], { type: this.mimeType }) });
  }
  stop() {
    if (this.state === 'inactive') return;
    this.state = 'inactive';
    this.piece(3);
    this.onstop?.();
  }
}

let getUserMedia: ReturnType<typeof vi.fn>;
let track: FakeTrack;
let wall = 1_000_000;

function memoryMedia(initial: MediaPiece[] = []): MediaAccess & { pieces: MediaPiece[] } {
  const pieces = [...initial];
  return {
    pieces,
    put: vi.fn((p: MediaPiece) => {
      pieces.push(p);
      return true;
    }),
    list: vi.fn(async () => [...pieces]),
    remove: vi.fn(async (clip: string) => {
      for (let i = pieces.length - 1; i >= 0; i--)
        if (pieces[i]!.clip === clip) pieces.splice(i, 1);
    }),
  };
}

function projectsOf(list: Project[]): ProjectAccess & { saved: Project[] } {
  const saved: Project[] = [];
  return {
    saved,
    list: async () => list,
    save: vi.fn(async (p: Project) => void saved.push(p)),
  };
}

const project = (over: Partial<Project> = {}): Project => ({
  id: 'p1',
  type: 'research',
  title: 'Sparse routing for long documents',
  summary: 'Long inputs exceed the context.',
  role: 'I built the router.',
  result: '+1.8 ROUGE-L, 3 seeds',
  limitations: 'English only.',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

beforeEach(() => {
  FakeRecorder.instances = [];
  track = new FakeTrack();
  getUserMedia = vi.fn(async () => ({
    track,
    getTracks: () => [track],
    getAudioTracks: () => [track],
  }));
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  vi.spyOn(Date, 'now').mockImplementation(() => wall);
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// ---- the driver ----

let clock = 0;
let latest: DeepDiveAnswer;

function Harness(props: {
  template: DeepDiveTemplate;
  initial: DeepDiveAnswer;
  media?: MediaAccess;
  projects?: ProjectAccess;
  locked?: boolean;
}) {
  const [answer, setAnswer] = useState(props.initial);
  latest = answer;
  return (
    <views.Round
      template={props.template}
      answer={answer}
      onChange={(a) => {
        latest = a as DeepDiveAnswer;
        setAnswer(a as DeepDiveAnswer);
      }}
      locked={props.locked ?? false}
      roundClock={() => clock}
      budgetMs={props.template.minutes * 60_000}
      seed={1}
      roundIndex={0}
      media={props.media}
      projects={props.projects}
      timeline={{ count: 0, put: () => {} }}
    />
  );
}

function renderRound(
  opts: {
    template?: DeepDiveTemplate;
    answer?: Partial<DeepDiveAnswer>;
    media?: MediaAccess;
    projects?: ProjectAccess;
  } = {},
) {
  const template = opts.template ?? makeStory('defense', makeBank(10, 2, 'all'));
  const initial = { ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }), ...opts.answer };
  const media = opts.media ?? memoryMedia();
  render(<Harness template={template} initial={initial} media={media} projects={opts.projects} />);
  return { template, media };
}

const chosen = (template: DeepDiveTemplate) => ({
  project: {
    id: 'p1',
    type: 'research' as const,
    title: 'Sparse routing',
    summary: '',
    role: '',
    result: '',
    limitations: '',
  },
  minutes: template.minutes,
  responses: {
    presentation: { text: '', followup: '', startedAt: 0, endedAt: null, gaveNumbers: false },
  },
});

// ---- the tests ----

describe('choosing the project to present', () => {
  it('offers my projects of the round’s type first, and keeps a copy of the one chosen', async () => {
    const projects = projectsOf([
      project({ id: 'prod', type: 'production', title: 'Ranking service' }),
      project(),
    ]);
    clock = 90_000;
    renderRound({ projects });
    const mine = await screen.findByRole('list', { name: 'Your research projects' });
    expect(within(mine).getByText('Sparse routing for long documents')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Other projects' })).toHaveTextContent(
      'Ranking service',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Present this: Sparse routing for long documents' }),
    );
    expect(latest.project).toEqual({
      id: 'p1',
      type: 'research',
      title: 'Sparse routing for long documents',
      summary: 'Long inputs exceed the context.',
      role: 'I built the router.',
      result: '+1.8 ROUGE-L, 3 seeds',
      limitations: 'English only.',
    });
    expect(latest.responses.presentation!.startedAt).toBe(90_000);
    expect(latest.minutes).toBe(45);
    expect(screen.getByRole('heading', { name: 'Presentation' })).toBeInTheDocument();
  });

  it('with no project yet, writes one here, saves it to My projects and presents it', async () => {
    const projects = projectsOf([]);
    renderRound({ projects });
    const form = await screen.findByRole('form', { name: 'New project' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save and present it' }));
    expect(screen.getByText('Give the project a title.')).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Title'), 'Label noise at scale');
    await userEvent.type(within(form).getByLabelText(/^Key result/), '-30% label errors');
    await userEvent.click(within(form).getByRole('button', { name: 'Save and present it' }));
    expect(projects.saved.map((p) => p.title)).toEqual(['Label noise at scale']);
    expect(latest.project).toMatchObject({
      title: 'Label noise at scale',
      result: '-30% label errors',
    });
  });
});

describe('the typed path', () => {
  it('presents, then asks the drawn probes one at a time; a follow-up appears once answered', async () => {
    const { template } = renderRound({
      answer: chosen(makeStory('defense', makeBank(10, 2, 'all'))),
    });
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Motivation' }),
      'Context is too short',
    );
    expect(latest.outline.motivation).toBe('Context is too short');
    clock = 13 * 60_000;
    await userEvent.click(screen.getByRole('button', { name: 'Done presenting: first question' }));
    const steps = stepsOf(template, latest);
    expect(latest.step).toBe(1);
    expect(latest.responses.presentation).toMatchObject({ startedAt: 0, endedAt: 13 * 60_000 });
    expect(latest.responses[steps[1]!.id]!.startedAt).toBe(13 * 60_000);
    expect(screen.getByText(steps[1]!.ask!)).toBeInTheDocument();
    expect(screen.queryByText(steps[2]!.ask!)).not.toBeInTheDocument();

    expect(screen.queryByRole('heading', { name: 'Follow-up' })).not.toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Your answer to question 1' }),
      'Five seeds',
    );
    expect(screen.getByRole('heading', { name: 'Follow-up' })).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Your answer to the follow-up of question 1' }),
      'Std 0.2',
    );
    expect(latest.responses[steps[1]!.id]).toMatchObject({
      text: 'Five seeds',
      followup: 'Std 0.2',
    });
    // The earlier step is read-only now.
    expect(screen.getByRole('textbox', { name: 'Motivation' })).toHaveAttribute('readonly');
  });

  it('shows a soft clock that runs over without blocking, and records by how much', async () => {
    clock = 15 * 60_000; // 3 minutes past a 12-minute presentation
    renderRound({ answer: chosen(makeStory()) });
    expect(screen.getByText(/3:00 over \(recorded, not blocking\)/)).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'Motivation' });
    await userEvent.type(box, 'still typing');
    expect(latest.outline.motivation).toBe('still typing');
  });

  it('a production story lists the numbers found as they are typed', async () => {
    const t = makeStory('production');
    renderRound({ template: t, answer: { ...chosen(t), step: 1 } });
    const q1 = screen.getByRole('textbox', { name: 'Your answer to question 1' });
    fireEvent.change(q1, { target: { value: 'It got faster' } });
    expect(await screen.findByText(/No number with a unit yet/)).toBeInTheDocument();
    fireEvent.change(q1, { target: { value: 'p99 went from 120 to 45 ms at 12k QPS' } });
    expect(await screen.findByText('Numbers found: 120, 45 ms, 12k QPS')).toBeInTheDocument();
  });

  it('a paper critique shows the card and asks its prompts after the reading step', async () => {
    const t = makeCritique();
    renderRound({ template: t });
    expect(screen.getByText('A Test Paper')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'I have read it: first prompt' }));
    expect(screen.getByText('Prompt summary?')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your answer to prompt 1' })).toBeInTheDocument();
  });
});

describe('answering aloud', () => {
  const atProbe = () => {
    const t = makeStory('production');
    return { template: t, answer: { ...chosen(t), step: 1 } };
  };

  it('asks for the microphone only on Record, and stores a piece about every second', async () => {
    const media = memoryMedia();
    renderRound({ ...atProbe(), media });
    expect(getUserMedia).not.toHaveBeenCalled();
    wall = 2_000_000;
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    const rec = FakeRecorder.instances[0]!;
    expect(rec.timeslice).toBe(1000);
    expect(rec.mimeType).toBe('audio/webm;codecs=opus');
    expect(rec.opts.audioBitsPerSecond).toBeLessThanOrEqual(64_000);
    wall = 2_001_000;
    act(() => rec.piece(4000));
    wall = 2_002_000;
    act(() => rec.piece(4000));
    expect(media.pieces.map((p) => [p.seq, p.at, p.blob.size])).toEqual([
      [0, 2_001_000, 4000],
      [1, 2_002_000, 4000],
    ]);
    const clip = latest.clips[0]!;
    expect(media.pieces.every((p) => p.clip === clip.id)).toBe(true);
    expect(clip).toMatchObject({ part: 'main', startedAt: 2_000_000, endedAt: null });

    wall = 2_002_500;
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording question 1' }));
    expect(latest.clips[0]!.endedAt).toBe(2_002_500);
    expect(track.stopped).toBe(true);
    const list = screen.getByRole('list', { name: 'Recordings of question 1' });
    expect(list).toHaveTextContent('Recording 1 · 0:02 · 8 KB');
    // A spoken story asks for the self-reported tick.
    await userEvent.click(
      screen.getByLabelText(/I gave numbers in this spoken answer \(self-reported\)/),
    );
    expect(latest.responses[stepsOf(atProbe().template, latest)[1]!.id]!.gaveNumbers).toBe(true);
  });

  it('a refused microphone says so and leaves typing working', async () => {
    getUserMedia.mockRejectedValueOnce(
      Object.assign(new Error('denied'), { name: 'NotAllowedError' }),
    );
    renderRound(atProbe());
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    expect(await screen.findByText(/The microphone was refused/)).toBeInTheDocument();
    expect(latest.clips).toEqual([]);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Your answer to question 1' }),
      'typed',
    );
    expect(Object.values(latest.responses).some((r) => r.text === 'typed')).toBe(true);
  });

  it('no microphone at all: a clear note', async () => {
    getUserMedia.mockRejectedValueOnce(Object.assign(new Error('none'), { name: 'NotFoundError' }));
    renderRound(atProbe());
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    expect(await screen.findByText(/No microphone was found/)).toBeInTheDocument();
  });

  it('a microphone unplugged mid-recording keeps what was recorded and says so', async () => {
    const media = memoryMedia();
    renderRound({ ...atProbe(), media });
    wall = 3_000_000;
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    wall = 3_001_000;
    act(() => FakeRecorder.instances[0]!.piece(4000));
    wall = 3_001_400;
    act(() => {
      track.dispatchEvent(new Event('ended'));
    });
    expect(
      await screen.findByText(/The microphone stopped \(unplugged or switched off\)/),
    ).toBeInTheDocument();
    expect(media.pieces).toHaveLength(2);
    expect(latest.clips[0]!.endedAt).toBe(3_001_400);
    expect(screen.getByRole('button', { name: 'Record question 1' })).toBeEnabled();
  });

  it('after a reload mid-recording: the saved part is kept, ends at its last piece, and a new recording starts anew', async () => {
    const { template, answer } = atProbe();
    const probe = stepsOf(template, {
      ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }),
      ...answer,
    })[1]!;
    const cut = {
      id: `${probe.id}.main.cut`,
      step: probe.id,
      part: 'main' as const,
      startedAt: 5_000,
      endedAt: null,
    };
    const blob = new Blob([new Uint8Array(100)]);
    const media = memoryMedia([
      { clip: cut.id, seq: 0, blob, mimeType: 'audio/webm', at: 6_000 },
      { clip: cut.id, seq: 1, blob, mimeType: 'audio/webm', at: 7_000 },
    ]);
    renderRound({ template, answer: { ...answer, clips: [cut] }, media });
    expect(
      await screen.findByText(/A recording was cut off when the page closed/),
    ).toBeInTheDocument();
    expect(latest.clips).toEqual([{ ...cut, endedAt: 7_000 }]);
    wall = 9_000_000;
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    expect(latest.clips).toHaveLength(2);
    expect(latest.clips[1]!.id).not.toBe(cut.id);
  });

  it('a recording can be deleted: its pieces leave storage and the answer', async () => {
    const { template, answer } = atProbe();
    const media = memoryMedia();
    renderRound({ template, answer, media });
    await userEvent.click(screen.getByRole('button', { name: 'Record question 1' }));
    act(() => FakeRecorder.instances[0]!.piece(10));
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording question 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete recording 1 of question 1' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(latest.clips).toEqual([]));
    expect(media.pieces).toEqual([]);
  });

  it('without MediaRecorder the round says recording is unavailable and offers no button', () => {
    vi.stubGlobal('MediaRecorder', undefined);
    renderRound(atProbe());
    expect(screen.getByText(/Recording is not available in this browser/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record question 1' })).not.toBeInTheDocument();
  });
});

describe('hearing the interviewer', () => {
  const atProbe = () => {
    const t = makeStory();
    return { template: t, answer: { ...chosen(t), step: 1 } };
  };

  it('reads the question with a local voice', async () => {
    const speak = vi.fn();
    class Utterance {
      voice: unknown;
      lang = '';
      constructor(public text: string) {}
    }
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    vi.stubGlobal('speechSynthesis', {
      getVoices: () => [
        { lang: 'en-US', localService: false, name: 'Remote' },
        { lang: 'en-GB', localService: true, name: 'Local' },
      ],
      speak,
      cancel: vi.fn(),
    });
    renderRound(atProbe());
    await userEvent.click(screen.getByRole('button', { name: 'Read aloud: question 1' }));
    expect(speak).toHaveBeenCalledTimes(1);
    expect(speak.mock.calls[0]![0]).toMatchObject({ voice: { name: 'Local' } });
  });

  it('only remote voices, or none: a note instead, and the text never leaves the machine', async () => {
    const speak = vi.fn();
    vi.stubGlobal('SpeechSynthesisUtterance', class {});
    vi.stubGlobal('speechSynthesis', {
      getVoices: () => [{ lang: 'en-US', localService: false }],
      speak,
      cancel: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    });
    renderRound(atProbe());
    await userEvent.click(screen.getByRole('button', { name: 'Read aloud: question 1' }));
    expect(await screen.findByText(/no speech voice installed locally/)).toBeInTheDocument();
    expect(speak).not.toHaveBeenCalled();
  });
});

describe('at scoring', () => {
  function scoringOf(over: Partial<DeepDiveAnswer>, media: MediaAccess) {
    const template = makeStory('defense', makeBank(10, 2, 'all'));
    const answer = {
      ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }),
      ...chosen(template),
      ...over,
    };
    const onScoringChange = vi.fn();
    render(
      <views.ScoringExtras
        template={template}
        answer={answer}
        scoring={{ covered: {} }}
        onScoringChange={onScoringChange}
        readOnly={false}
        timeline={[]}
        usedMs={20 * 60_000}
        media={media}
      />,
    );
    return { template, answer, onScoringChange };
  }

  it('reveals what a strong answer covers beside the answer and the recording, to tick', async () => {
    const template = makeStory('defense', makeBank(10, 2, 'all'));
    const first = stepsOf(template, {
      ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }),
      ...chosen(template),
    })[1]!;
    const clip = {
      id: `${first.id}.main.1`,
      step: first.id,
      part: 'main' as const,
      startedAt: 10_000,
      endedAt: 52_000,
    };
    const media = memoryMedia([
      {
        clip: clip.id,
        seq: 0,
        blob: new Blob([new Uint8Array(2048)]),
        mimeType: 'audio/webm',
        at: 11_000,
      },
    ]);
    const { onScoringChange } = scoringOf(
      {
        step: 2,
        clips: [clip],
        responses: {
          [first.id]: {
            text: 'Five **seeds**',
            followup: '',
            startedAt: 0,
            endedAt: 60_000,
            gaveNumbers: false,
          },
        },
      },
      media,
    );
    const section = screen.getByRole('region', { name: /Question 1/ });
    expect(within(section).getByText('seeds')).toBeInTheDocument();
    expect(
      within(section).getAllByRole('heading', { name: 'What a strong answer covers' }),
    ).toHaveLength(2); // the answer's and the follow-up's
    const audio = await within(section).findByLabelText('Recording 1 of question 1, 0:42 · 2 KB');
    expect(audio.tagName).toBe('AUDIO');
    await userEvent.click(within(section).getAllByRole('checkbox')[1]!);
    expect(onScoringChange).toHaveBeenCalledWith({ covered: { [first.id]: [1] } });
  });

  it('a recording that cannot be decoded says so and offers its download', async () => {
    const template = makeStory('defense', makeBank(10, 2, 'all'));
    const first = stepsOf(template, {
      ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }),
      ...chosen(template),
    })[1]!;
    const clip = {
      id: `${first.id}.main.1`,
      step: first.id,
      part: 'main' as const,
      startedAt: 0,
      endedAt: 3000,
    };
    const media = memoryMedia([
      { clip: clip.id, seq: 0, blob: new Blob(['junk']), mimeType: 'audio/webm', at: 1000 },
    ]);
    scoringOf({ step: 2, clips: [clip] }, media);
    const audio = await screen.findByLabelText(/Recording 1 of question 1/);
    fireEvent.error(audio);
    expect(
      screen.getByText(/This recording cannot be played in this browser \(audio\/webm\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download it' })).toBeInTheDocument();
  });

  it('a deleted recording reads as deleted, never as an error', async () => {
    const template = makeStory();
    const first = stepsOf(template, {
      ...deepDiveSpec.emptyAnswer(template, { seed: 1, index: 0 }),
      ...chosen(template),
    })[1]!;
    const clip = { id: 'gone', step: first.id, part: 'main' as const, startedAt: 0, endedAt: 3000 };
    scoringOf({ step: 2, clips: [clip] }, memoryMedia());
    expect(
      await screen.findByText(/the recording is no longer stored \(deleted\)/),
    ).toBeInTheDocument();
  });
});
