import { createHmac, randomBytes } from 'node:crypto';
import { content, questionsById } from '../content/index.ts';
import type { ChoiceError } from '../engines/quiz/grade.ts';
import { matchTopic } from '../engines/quiz/select.ts';
import { shuffled } from '../engines/quiz/shuffle.ts';
import type { ChannelRef, PersonRef, StudyStore } from '../store/store.ts';
import { type Command, helpMessage, MAX_RECOMMEND_CHARS } from './commands.ts';
import { answerPractice, type DrillCard, nextDrill, type StudyMode, studyMode } from './drills.ts';
import { homeMessages, REMIND_FORM, REMIND_SUBMIT, reminderForm, submitReminder } from './home.ts';
import { readBack } from './read-back.ts';
import { REMIND_OFF, remindCommand, remindOff } from './reminders.ts';
import {
  decodeAction,
  encodeAction,
  ephemeral,
  type FormField,
  type Message,
  type Outcome,
  textMessage,
} from './reply.ts';
import { REPORT_BUTTON, REPORT_SUBMIT, reportForm, submitReport } from './reports.ts';
import { SETTINGS_BUTTON, SETTINGS_SUBMIT, saveSettings, settingsForm } from './settings.ts';
import { StudyService } from './study.ts';
import {
  SUBSCRIBE_FORM,
  SUBSCRIBE_SUBMIT,
  UNSUBSCRIBE_CONFIRM,
  UNSUBSCRIBE_KEEP,
} from './subscription-actions.ts';
import {
  answerFeedback,
  closedNotice,
  closedQuestionMessage,
  feedbackMessage,
  leaderboardMessage,
  progressMessage,
  questionMessage,
  recommendationMessage,
  studyDoneMessage,
} from './views.ts';
import {
  FORGET_BUTTON,
  FORGET_KEEP,
  forgetMe,
  forgetMeConfirm,
  keptData,
  type WorkspaceRemoval,
  workspaceRemoved,
} from './your-data.ts';

/**
 * The recommender (its lexicon, catalog and regular expressions) loads on the first recommend
 * request, not at cold start: a click or a PING never pays for it. esbuild keeps it in the bundle
 * as a lazily initialised module.
 */
const recommender = () => import('../engines/recommend/index.ts');

export type Platform = 'slack' | 'discord';

/** Who is acting and where. Every stored key is scoped by platform and tenant (workspace or guild). */
export interface Actor {
  platform: Platform;
  /** Slack team id or Discord guild id (or the DM channel for Discord DMs). */
  tenantId: string;
  channelId: string;
  userId: string;
  userName?: string;
  /** A stand-in (the Slack handle when users.info failed): shown only where no name is stored yet. */
  fallbackName?: string;
  /** Slack admin/owner or allow-listed; Discord Manage Channels. Gates subscription changes. */
  canManageChannel: boolean;
  /** The platform's id of this delivery (Slack trigger_id, Discord interaction id): a replay has the same. */
  deliveryId?: string;
  /** The person's time zone as the platform knows it (Slack profile `tz`), when the adapter looked. */
  timeZone?: string;
}

/** How long a delivery id is remembered: Slack and Discord refuse signatures older than 5 minutes. */
const DELIVERY_KEPT_MS = 10 * 60 * 1000;

/** A click on a button, a pick from a list, or a form's submission: the action id and what came with it. */
export interface BotAction {
  id: string;
  values: string[];
  /** A submitted form's fields by id. */
  fields?: Record<string, string>;
}

export interface BotDeps {
  store: StudyStore;
  /** Signs the ids of review cards (derived from the deployment's secrets, the same on every Lambda). */
  actionKey?: Buffer;
  /**
   * Handles `subscribe`/`unsubscribe` (the daily scheduler owns them); absent until it is wired.
   */
  subscriptions?: {
    command(
      actor: Actor,
      command: Extract<Command, { name: 'subscribe' | 'unsubscribe' }>,
      now: Date,
    ): Promise<Outcome>;
    /** The subscribe form's submission and the unsubscribe confirm's buttons. */
    action?(actor: Actor, action: BotAction, now: Date): Promise<Outcome>;
  };
}

const SHARE_TTL_MS = 24 * 60 * 60 * 1000;
const REPLAYED = 'That request reached me twice; it was done the first time.';
const EXPIRED_RECOMMENDATION =
  'That recommendation has expired; run `/studybot recommend` again to share or adjust it.';
/** Where the form's corrections start in a re-decided text (so the next Adjust shows them apart). */
const CORRECTIONS_MARK = '--- corrections ---';
const MAX_CORRECTIONS_CHARS = 1000;

/** The typed workload and the corrections a previous Adjust added to it. */
function splitCorrections(text: string): { typed: string; corrections: string[] } {
  const at = text.indexOf(CORRECTIONS_MARK);
  if (at < 0) return { typed: text, corrections: [] };
  const corrections = text
    .slice(at + CORRECTIONS_MARK.length)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { typed: text.slice(0, at).trim(), corrections };
}

function channelOf(a: Actor): ChannelRef {
  return { platform: a.platform, tenantId: a.tenantId, channelId: a.channelId };
}
function personOf(a: Actor): PersonRef & { userName?: string; fallbackName?: string } {
  return {
    platform: a.platform,
    tenantId: a.tenantId,
    userId: a.userId,
    ...(a.userName ? { userName: a.userName } : {}),
    ...(a.fallbackName ? { fallbackName: a.fallbackName } : {}),
  };
}

function topicList(): string {
  return content.topics.map((t) => `\`${t.id}\``).join(', ');
}

/**
 * The bot: one entry for every command and click, whichever platform it came from. It calls the
 * engines through the study service and answers in the platform-neutral message model.
 */
export class Bot {
  readonly study: StudyService;

  private readonly actionKey: Buffer;

  constructor(private readonly deps: BotDeps) {
    this.study = new StudyService(deps.store);
    // Without a configured key (tests that build a Bot by hand) ids are valid in this process only.
    this.actionKey = deps.actionKey ?? randomBytes(32);
  }

  /** 10 characters of HMAC over who may answer which card at which version. */
  private reviewMac(actor: Actor, questionId: string, version: string): string {
    return createHmac('sha256', this.actionKey)
      .update(`${actor.platform}\0${actor.tenantId}\0${actor.userId}\0${questionId}\0${version}`)
      .digest('base64url')
      .slice(0, 10);
  }

  async command(actor: Actor, command: Command, now: Date): Promise<Outcome> {
    switch (command.name) {
      case 'help':
        return ephemeral(helpMessage(command.reason));
      case 'quiz':
        return this.quiz(actor, command.topic, now);
      case 'study': {
        if (command.retention === undefined) return this.nextStudy(actor, command.topic, now);
        await this.deps.store.setRetention(personOf(actor), command.retention);
        const next = await this.nextStudy(actor, command.topic, now);
        const note = `Desired retention set to **${Math.round(command.retention * 100)}%**: cards come back when you are about that likely to remember them (higher means more reviews).`;
        return {
          ...next,
          reply: {
            ...next.reply,
            message: { ...next.reply.message, sections: [{ lines: [note] }, ...next.reply.message.sections] },
          },
        };
      }
      case 'recommend':
        // Alone: a form with one field for the workload, submitted as if typed.
        if (!command.text.trim()) return recommendForm();
        return this.recommend(actor, command.text, now);
      case 'leaderboard': {
        const { rows, weekKey } = await this.study.leaderboard(channelOf(actor), command.period, now);
        const rank = rows.findIndex((r) => r.userId === actor.userId);
        const me = rank >= 0 ? rows[rank] : undefined;
        return ephemeral(
          leaderboardMessage(
            rows,
            command.period,
            weekKey,
            me ? { rank: rank + 1, score: me.score } : undefined,
          ),
        );
      }
      case 'progress':
        return ephemeral(progressMessage(await this.study.progress(personOf(actor), channelOf(actor), now)));
      case 'subscribe':
      case 'unsubscribe':
        if (this.deps.subscriptions) return this.deps.subscriptions.command(actor, command, now);
        return ephemeral(textMessage('Daily posts are not set up on this deployment yet.'));
      case 'forget-me':
        return forgetMeConfirm(actor, now);
      case 'remind':
        return remindCommand(this.deps.store, actor, command, now);
      case 'settings': {
        const { name: _name, ...input } = command;
        return saveSettings(this.deps.store, actor, input, now);
      }
    }
  }

  /**
   * A Slack workspace removed the app (app_uninstalled, or its bot token revoked): its daily posts
   * stop now and its data is deleted after the grace period (the daily run does it).
   */
  async workspaceRemoved(
    tenant: { platform: Platform; tenantId: string },
    why: string,
    now: Date,
  ): Promise<WorkspaceRemoval> {
    return workspaceRemoved(this.deps.store, tenant, why, now);
  }

  /**
   * A person's home view (Slack App Home): progress everywhere with the study buttons, settings and
   * reminder, and this week's board of each of their channels (home.ts).
   */
  async home(actor: Actor, now: Date): Promise<Message[]> {
    return homeMessages(this.study, this.deps.store, actor, now);
  }

  async action(actor: Actor, action: BotAction, now: Date): Promise<Outcome> {
    const { verb, args } = decodeAction(action.id);
    switch (verb) {
      case 'q': {
        // q:<post>:<question>[:<choice>] — a channel question; the choice is in the id or the values.
        const [postId, questionId, choice] = args;
        if (!postId || !questionId) break;
        const chosen = choice ? [choice] : action.values;
        const result = await this.study.answerPost(
          channelOf(actor),
          personOf(actor),
          postId,
          questionId,
          chosen,
          now,
        );
        if ('error' in result) {
          if (result.error === 'closed') {
            // The click changes nothing; the post is brought up to date if it still had buttons.
            return {
              reply: { visibility: 'ephemeral', message: closedNotice(shuffled(result.question, postId)) },
              updateSource: closedQuestionMessage(shuffled(result.question, postId), result.post),
            };
          }
          return ephemeral(
            textMessage(
              result.error === 'unknown-post'
                ? 'That question is no longer open.'
                : choiceRefusal(result.error, questionId),
            ),
          );
        }
        return {
          reply: {
            visibility: 'ephemeral',
            message: answerFeedback({ ...result, question: shuffled(result.question, postId) }),
          },
          updateSource: questionMessage(shuffled(result.question, postId), {
            title: 'Question',
            action: encodeAction('q', postId, questionId),
            answered: result.answered,
            ...(result.closesAt ? { closesAt: result.closesAt } : {}),
          }),
        };
      }
      case 'r': {
        // r:<question>:<version>:<mac>[:<choice>] — a private review of the card at that version;
        // the mac proves the bot issued this card to this person, so no other id is accepted.
        const [questionId, version, mac, choice] = args;
        if (!questionId || version === undefined || !/^\d+$/.test(version)) break;
        if (mac !== this.reviewMac(actor, questionId, version))
          return ephemeral(textMessage('That card has expired. Run `/studybot study` for a fresh one.'));
        const chosen = choice ? [choice] : action.values;
        const r = await this.study.answerStudy(personOf(actor), questionId, Number(version), chosen, now);
        if ('error' in r) {
          return ephemeral(
            textMessage(
              r.error === 'unknown-question'
                ? 'That card is no longer in the bank.'
                : r.error === 'not-due'
                  ? 'That card is not due yet; it comes back when it is. Run `/studybot study` for what is due now.'
                  : choiceRefusal(r.error, questionId),
            ),
          );
        }
        return {
          ...ephemeral(
            feedbackMessage(shuffled(r.question, cardSeed(questionId, version)), r, {
              nextDue: r.nextDue,
              nextAction: 'next',
              nextLabel: 'Next review',
            }),
          ),
          answersCard: true,
        };
      }
      case 'next':
        return this.nextStudy(actor, args[0], now);
      case 'x': {
        // x:<question>:<shown at, base 36 ms>:<mac>:<mode>[:<choice>] — a drill's practice card.
        const [questionId, shown, mac, modeText, choice] = args;
        const mode = studyMode(modeText);
        if (!questionId || !shown || !/^[0-9a-z]{1,12}$/.test(shown) || !mode) break;
        if (mac !== this.reviewMac(actor, questionId, `x${shown}`))
          return ephemeral(textMessage('That card has expired. Run `/studybot study` for a fresh one.'));
        const shownAt = new Date(Number.parseInt(shown, 36));
        const r = await answerPractice(
          this.deps.store,
          personOf(actor),
          questionId,
          shownAt,
          choice ? [choice] : action.values,
        );
        if ('error' in r)
          return ephemeral(
            textMessage(
              r.error === 'unknown-question'
                ? 'That card is no longer in the bank.'
                : choiceRefusal(r.error, questionId),
            ),
          );
        const feedback = feedbackMessage(shuffled(r.question, cardSeed(questionId, `x${shown}`)), r, {
          nextAction: encodeAction('next', mode),
          nextLabel: mode === 'mistakes' ? 'Next mistake' : 'Next in this topic',
        });
        return {
          ...ephemeral({ ...feedback, footer: 'Practice: your review schedule did not change.' }),
          answersCard: true,
        };
      }
      case REMIND_OFF:
        return { ...(await remindOff(this.deps.store, personOf(actor))), homeChanged: true };
      case REMIND_FORM:
        return reminderForm(this.deps.store, actor, now);
      case REMIND_SUBMIT:
        return submitReminder(this.deps.store, actor, action.fields, now);
      case SETTINGS_BUTTON:
        return settingsForm(this.deps.store, personOf(actor));
      case SETTINGS_SUBMIT:
        return {
          ...(await saveSettings(this.deps.store, actor, action.fields ?? {}, now)),
          homeChanged: true,
        };
      case 'adjust':
        return this.adjustForm(actor, args[0], now);
      case 'readj':
        return this.readjust(actor, action, now);
      case REPORT_BUTTON:
        return reportForm(args[0]);
      case REPORT_SUBMIT:
        return submitReport(this.deps.store, personOf(actor), args[0], action.fields, now);
      case FORGET_BUTTON:
        if (!(await this.firstDelivery(actor, now))) return ephemeral(textMessage(REPLAYED));
        return forgetMe(this.deps.store, personOf(actor), args[0], now);
      case FORGET_KEEP:
        return keptData();
      case RECOMMEND_SUBMIT:
        return this.readjust(actor, action, now, false);
      case SUBSCRIBE_SUBMIT:
      case UNSUBSCRIBE_CONFIRM:
        // A replayed submission or confirm must not post or stop again.
        if (!(await this.firstDelivery(actor, now))) return ephemeral(textMessage(REPLAYED));
        return this.subscriptionAction(actor, action, now);
      case SUBSCRIBE_FORM:
      case UNSUBSCRIBE_KEEP:
        return this.subscriptionAction(actor, action, now);
      case 'share': {
        if (!(await this.firstDelivery(actor, now))) return ephemeral(textMessage(REPLAYED));
        const text = args[0] ? await this.deps.store.getShare(actor, args[0], now) : undefined;
        if (!text) return ephemeral(textMessage(EXPIRED_RECOMMENDATION));
        const { recommend, renderRecommendation } = await recommender();
        const message = recommendationMessage(renderRecommendation(recommend(text)));
        return {
          reply: {
            visibility: 'channel',
            message: {
              ...message,
              footer: `Shared by ${actor.userName ?? actor.fallbackName ?? 'a teammate'} · “${clip(text, 150)}”`,
            },
          },
        };
      }
    }
    return ephemeral(textMessage('That button is no longer active. Try `/studybot help`.'));
  }

  private subscriptionAction(actor: Actor, action: BotAction, now: Date): Promise<Outcome> {
    if (this.deps.subscriptions?.action) return this.deps.subscriptions.action(actor, action, now);
    return Promise.resolve(ephemeral(textMessage('Daily posts are not set up on this deployment yet.')));
  }

  /**
   * Whether this delivery is seen for the first time. A replay of a signed request (same trigger
   * or interaction id, inside the signature's 5 minutes) must not post to the channel again.
   */
  private async firstDelivery(actor: Actor, now: Date): Promise<boolean> {
    if (!actor.deliveryId) return true;
    return this.deps.store.claimOnce(
      actor,
      `${actor.deliveryId}`,
      new Date(now.getTime() + DELIVERY_KEPT_MS),
    );
  }

  private async quiz(actor: Actor, topicText: string | undefined, now: Date): Promise<Outcome> {
    const topic = topicText ? matchTopic(content.topics, topicText) : undefined;
    if (topicText && !topic)
      return ephemeral(
        textMessage(`I don't know the topic "${clip(topicText, 40)}". Topics: ${topicList()}.`),
      );
    if (!(await this.firstDelivery(actor, now))) return ephemeral(textMessage(REPLAYED));
    const posted = await this.study.postQuestion(channelOf(actor), now, topic ? { topic } : {});
    if (!posted) return ephemeral(textMessage('There are no questions for that topic yet.'));
    return {
      reply: {
        visibility: 'channel',
        message: questionMessage(shuffled(posted.question, posted.post.postId), {
          title: 'Question',
          action: encodeAction('q', posted.post.postId, posted.question.id),
          answered: 0,
          ...(posted.post.closesAt ? { closesAt: posted.post.closesAt } : {}),
        }),
      },
    };
  }

  private async nextStudy(actor: Actor, topicText: string | undefined, now: Date): Promise<Outcome> {
    const mode = studyMode(topicText);
    if (mode) return this.drill(actor, mode, now);
    const topic = topicText ? matchTopic(content.topics, topicText) : undefined;
    if (topicText && !topic)
      return ephemeral(
        textMessage(`I don't know the topic "${clip(topicText, 40)}". Topics: ${topicList()}.`),
      );
    const next = await this.study.nextStudy(personOf(actor), now, topic ? { topic } : {});
    if ('none' in next) return ephemeral(studyDoneMessage(next.nextDue, next.newLimitReached));
    const title = next.isNew ? 'New card' : `Review · ${next.dueCount}${next.moreDue ? '+' : ''} due`;
    return ephemeral(
      questionMessage(shuffled(next.question, cardSeed(next.question.id, String(next.version))), {
        title,
        action: encodeAction(
          'r',
          next.question.id,
          String(next.version),
          this.reviewMac(actor, next.question.id, String(next.version)),
        ),
        footer: 'Only you can see this. Answer to schedule the next review.',
      }),
    );
  }

  /** The next card of a mistakes or weakest-topic drill: a due card as a review, any other as practice. */
  private async drill(actor: Actor, mode: StudyMode, now: Date): Promise<Outcome> {
    const next: DrillCard = await nextDrill(this.study, this.deps.store, personOf(actor), mode, now);
    const label =
      mode === 'mistakes' ? 'Your mistakes' : `Weakest topic: ${'topicName' in next ? next.topicName : ''}`;
    if ('none' in next)
      return ephemeral(textMessage(next.reason, mode === 'mistakes' ? 'Your mistakes' : 'Weakest topic'));
    const left = `${next.left} left`;
    if ('practice' in next) {
      const shown = now.getTime().toString(36);
      return ephemeral(
        questionMessage(shuffled(next.question, cardSeed(next.question.id, `x${shown}`)), {
          title: `Practice · ${label} · ${left}`,
          action: encodeAction(
            'x',
            next.question.id,
            shown,
            this.reviewMac(actor, next.question.id, `x${shown}`),
            mode,
          ),
          footer: 'Only you can see this. Practice: answering does not move your review schedule.',
        }),
      );
    }
    const version = String(next.version);
    return ephemeral(
      questionMessage(shuffled(next.question, cardSeed(next.question.id, version)), {
        title: `${next.isNew ? 'New card' : 'Review'} · ${label} · ${left}`,
        action: encodeAction(
          'r',
          next.question.id,
          version,
          this.reviewMac(actor, next.question.id, version),
        ),
        footer: 'Only you can see this. This card is due: answering schedules its next review.',
      }),
    );
  }

  private async recommend(actor: Actor, text: string, now: Date): Promise<Outcome> {
    const { recommend, renderRecommendation } = await recommender();
    const rec = recommend(text);
    const rendered = renderRecommendation(rec);
    if (rec.status === 'needs-input') return ephemeral(recommendationMessage(rendered));
    const id = `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await this.deps.store.saveShare(actor, id, text.slice(0, 4000), new Date(now.getTime() + SHARE_TTL_MS));
    return ephemeral(recommendationMessage(rendered, encodeAction('share', id), encodeAction('adjust', id)));
  }

  /** The Adjust form: the workload as typed, and what was read as editable `key=value` lines. */
  private async adjustForm(actor: Actor, id: string | undefined, now: Date): Promise<Outcome> {
    const text = id ? await this.deps.store.getShare(actor, id, now) : undefined;
    if (!id || !text) return ephemeral(textMessage(EXPIRED_RECOMMENDATION));
    const { typed, corrections } = splitCorrections(text);
    const read = readBack((await recommender()).recommend(text));
    return {
      ...ephemeral(textMessage('Adjust the workload in the form that opened.')),
      form: {
        action: encodeAction('readj', id),
        title: 'Adjust the workload',
        submitLabel: 'Decide again',
        fields: [
          workloadField(typed),
          {
            id: 'read',
            label: 'What I read: fix any line (key=value)',
            value: [...new Set([...corrections, ...read])].join('\n'),
            placeholder: 'payload=20 MB\nlatency=30 min\ntraffic=spiky',
            multiline: true,
            maxLength: MAX_CORRECTIONS_CHARS,
          },
        ],
      },
    };
  }

  /**
   * The Adjust form submitted: decide again on the edited text and corrections, in place of the old
   * answer. The recommend form's submission too (one field, and no answer yet to replace).
   */
  private async readjust(actor: Actor, action: BotAction, now: Date, replaces = true): Promise<Outcome> {
    const typed = (action.fields?.text ?? '').trim();
    const read = (action.fields?.read ?? '').trim();
    if (!typed) return { ...ephemeral(textMessage('Describe the workload, then submit the form again.')) };
    if (typed.length > MAX_RECOMMEND_CHARS || read.length > MAX_CORRECTIONS_CHARS)
      return ephemeral(
        textMessage(`A workload can be at most ${MAX_RECOMMEND_CHARS.toLocaleString('en-US')} characters.`),
      );
    const outcome = await this.recommend(actor, read ? `${typed}\n${CORRECTIONS_MARK}\n${read}` : typed, now);
    return replaces ? { ...outcome, replacesSource: true } : outcome;
  }
}

/** The recommend form's submission. */
const RECOMMEND_SUBMIT = 'recd';

/** The workload as a form field: the recommend form's only one, and the Adjust form's first. */
function workloadField(value?: string): FormField {
  return {
    id: 'text',
    label: 'Your workload, in your words',
    ...(value ? { value } : {}),
    placeholder: 'e.g. 20 MB documents, results within 30 minutes, 500 a day',
    multiline: true,
    required: true,
    maxLength: MAX_RECOMMEND_CHARS,
  };
}

/** `/studybot recommend` alone: a form for the workload; where it cannot open, how to type it. */
function recommendForm(): Outcome {
  return {
    ...ephemeral(
      textMessage(
        'Describe the workload after the command, e.g. `/studybot recommend 20 MB documents, results within 30 minutes, 500 a day`.',
      ),
    ),
    form: {
      action: RECOMMEND_SUBMIT,
      title: 'SageMaker deployment',
      submitLabel: 'Recommend',
      intro:
        'Describe the workload in plain words: payload sizes, how soon results are needed, how much traffic and how it varies.',
      fields: [workloadField()],
    },
  };
}

/** The hint for picks that cannot be graded; nothing was stored, so the person can try again. */
function choiceRefusal(error: ChoiceError, questionId: string): string {
  const n = questionsById.get(questionId)?.answer.length ?? 1;
  return error === 'no-choice'
    ? 'Pick your answers first, then submit.'
    : `This question asks for ${n} answers: tick exactly ${n}, then submit. Nothing was counted yet.`;
}

/** A study card's choice order: new at each version, the same for the card and its feedback. */
function cardSeed(questionId: string, version: string): string {
  return `card:${questionId}:${version}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export type { Message };
