import * as z from 'zod/mini';

/**
 * The shapes of what Slack sends, checked after the signature and before Bolt sees anything, as
 * Discord's interactions are: a signed but malformed payload gets 400 and reaches nothing, instead
 * of a TypeError deep inside a listener. Only what the adapter reads is required; unknown fields
 * pass through. Lengths are capped at sizes no real Slack id or URL comes near.
 */
const id = z.string().check(z.minLength(1), z.maxLength(64));
const url = z.string().check(z.maxLength(2048));

const SlashCommandSchema = z.object({
  command: z.string().check(z.maxLength(64)),
  text: z.optional(z.string().check(z.maxLength(12_000))),
  team_id: id,
  channel_id: id,
  user_id: id,
  user_name: z.optional(z.string().check(z.maxLength(256))),
  response_url: z.optional(url),
  trigger_id: z.optional(z.string().check(z.maxLength(256))),
});

const SelectedSchema = z.object({ value: z.string().check(z.maxLength(256)) });
const StateValueSchema = z.object({ selected_options: z.optional(z.array(SelectedSchema)) });

const BlockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({
    id,
    username: z.optional(z.string().check(z.maxLength(256))),
    name: z.optional(z.string().check(z.maxLength(256))),
    team_id: z.optional(id),
  }),
  team: z.nullish(z.object({ id })),
  channel: z.optional(z.object({ id })),
  container: z.optional(
    z.object({
      message_ts: z.optional(z.string().check(z.maxLength(64))),
      channel_id: z.optional(id),
      is_ephemeral: z.optional(z.boolean()),
    }),
  ),
  message: z.optional(z.object({ ts: z.optional(z.string().check(z.maxLength(64))) })),
  response_url: z.optional(url),
  trigger_id: z.optional(z.string().check(z.maxLength(256))),
  state: z.optional(
    z.object({
      values: z.record(z.string(), z.record(z.string(), StateValueSchema)),
    }),
  ),
  actions: z
    .array(
      z.object({
        type: z.string().check(z.maxLength(64)),
        action_id: z.string().check(z.minLength(1), z.maxLength(255)),
      }),
    )
    .check(z.minLength(1), z.maxLength(25)),
});

const ViewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id, team_id: z.optional(id) }),
  team: z.nullish(z.object({ id })),
  trigger_id: z.optional(z.string().check(z.maxLength(256))),
  view: z.object({
    callback_id: z.string().check(z.minLength(1), z.maxLength(255)),
    private_metadata: z.optional(z.string().check(z.maxLength(3000))),
    state: z.object({
      values: z.record(
        z.string().check(z.maxLength(255)),
        z.record(
          z.string().check(z.maxLength(255)),
          // What an input holds: typed text, a picked time (timepicker), a picked option (menus, radios).
          z.object({
            value: z.nullish(z.string().check(z.maxLength(12_000))),
            selected_time: z.nullish(z.string().check(z.maxLength(16))),
            selected_option: z.nullish(z.object({ value: z.string().check(z.maxLength(256)) })),
          }),
        ),
      ),
    }),
  }),
});

/** A searchable menu in a form asking for its options (the options load URL is the same endpoint). */
const BlockSuggestionSchema = z.object({
  type: z.literal('block_suggestion'),
  user: z.object({ id, team_id: z.optional(id) }),
  team: z.nullish(z.object({ id })),
  action_id: z.string().check(z.minLength(1), z.maxLength(255)),
  block_id: z.optional(z.string().check(z.maxLength(255))),
  // What was typed so far; Slack's menus take short queries.
  value: z.string().check(z.maxLength(500)),
});

const EventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.optional(id),
  event: z.object({
    type: z.string().check(z.maxLength(64)),
    user: z.optional(id),
    channel: z.optional(id),
    tab: z.optional(z.string().check(z.maxLength(32))),
    // tokens_revoked: the user ids whose tokens were revoked, by kind.
    tokens: z.optional(
      z.object({
        oauth: z.optional(z.array(id).check(z.maxLength(1000))),
        bot: z.optional(z.array(id).check(z.maxLength(1000))),
      }),
    ),
  }),
});

const OtherJsonSchema = z.object({
  type: z.enum(['url_verification', 'app_rate_limited']),
  challenge: z.optional(z.string().check(z.maxLength(256))),
});

export type SlackPayloadCheck = { ok: true } | { ok: false; why: string };

function check(schema: z.ZodMiniType, value: unknown, what: string): SlackPayloadCheck {
  const r = schema.safeParse(value);
  return r.success ? { ok: true } : { ok: false, why: `${what}: ${r.error.issues[0]?.path.join('.') ?? ''}` };
}

/** Whether a verified Slack body has a shape the app can handle. */
export function checkSlackPayload(body: string, contentType: string): SlackPayloadCheck {
  if (contentType === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, why: 'unreadable JSON' };
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (type === 'event_callback') return check(EventCallbackSchema, json, 'event');
    return check(OtherJsonSchema, json, 'json');
  }
  if (contentType !== 'application/x-www-form-urlencoded') return { ok: false, why: 'content type' };
  const form = new URLSearchParams(body);
  const payload = form.get('payload');
  if (payload === null) {
    if (form.get('ssl_check') === '1') return { ok: true };
    return check(SlashCommandSchema, Object.fromEntries(form), 'slash command');
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, why: 'unreadable payload' };
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (type === 'view_submission') return check(ViewSubmissionSchema, json, 'form');
  if (type === 'block_suggestion') return check(BlockSuggestionSchema, json, 'options request');
  return check(BlockActionsSchema, json, 'interaction');
}
