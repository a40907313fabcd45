/**
 * How long a channel post takes answers. A `/studybot quiz` post is open for a day; a daily post
 * until the next daily post is due (its recap prints the answer). Posts made before posts closed
 * carry no close time and are treated as quiz posts.
 */
export const QUIZ_POST_OPEN_MS = 24 * 60 * 60 * 1000;

/** Once a post has closed, its answer facts are kept this much longer, then expire. */
export const ANSWER_FACT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export function postClosesAt(post: { postedAt: string; closesAt?: string }): Date {
  return post.closesAt
    ? new Date(post.closesAt)
    : new Date(new Date(post.postedAt).getTime() + QUIZ_POST_OPEN_MS);
}

export function isPostClosed(post: { postedAt: string; closesAt?: string }, now: Date): boolean {
  return now.getTime() >= postClosesAt(post).getTime();
}
