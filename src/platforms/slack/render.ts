import type { KnownBlock } from '@slack/bolt';
import type { Message } from '../../app/reply.ts';

/** Neutral markup to Slack mrkdwn: **bold** becomes *bold*; [label](url) becomes <url|label>. */
export function toMrkdwn(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<$2|$1>');
}

/** Slack caps a section's text at 3,000 characters. */
function clip(text: string, max = 3000): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function toBlocks(message: Message): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (message.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(message.title, 150) } });
  for (const section of message.sections) {
    const body = [section.heading ? `**${section.heading}**` : '', ...section.lines].filter(Boolean).join('\n');
    if (body) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(toMrkdwn(body)) } });
  }
  if (message.fields?.length) {
    blocks.push({
      type: 'section',
      fields: message.fields.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: toMrkdwn(`**${f.label}**\n${f.value}`) })),
    });
  }
  if (message.picker?.mode === 'single') {
    blocks.push({
      type: 'actions',
      elements: message.picker.choices.map((c) => ({
        type: 'button',
        action_id: `${message.picker!.action}:${c.id}`,
        value: c.id,
        text: { type: 'plain_text', text: clip(c.label, 75) },
      })),
    });
  }
  if (message.buttons?.length) {
    blocks.push({
      type: 'actions',
      elements: message.buttons.map((b) => ({
        type: 'button',
        action_id: b.action,
        text: { type: 'plain_text', text: clip(b.label, 75) },
        ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
      })),
    });
  }
  if (message.footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: toMrkdwn(message.footer) }] });
  return blocks;
}
