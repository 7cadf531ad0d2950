/**
 * How long a play function waits for anything (testing-library's `asyncUtilTimeout`, set once in
 * .storybook/preview.tsx). The viewer's code loads lazily and a mock session needs a few round
 * trips: on a busy 2-core CI (load average 8) that took more than testing-library's 1 s default.
 */
export const STORY_WAIT_MS = 15_000
