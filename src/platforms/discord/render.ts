import type { Message } from '../../app/reply.ts';

/** Discord limits: embed description 4,096, field value 1,024, button label 80, 5 buttons a row. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Neutral markup is Discord markdown already (**bold**, _italic_, `code`, [label](url)). */
export function toEmbed(message: Message): Record<string, unknown> {
  const description = message.sections
    .map((s) => [s.heading ? `**${s.heading}**` : '', ...s.lines].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  return {
    ...(message.title ? { title: clip(message.title, 256) } : {}),
    ...(description ? { description: clip(description, 4096) } : {}),
    ...(message.fields?.length
      ? { fields: message.fields.slice(0, 25).map((f) => ({ name: clip(f.label, 256), value: clip(f.value, 1024), inline: true })) }
      : {}),
    ...(message.footer ? { footer: { text: clip(message.footer, 2048) } } : {}),
    color: 0x2563eb,
  };
}

const STYLE = { primary: 1, secondary: 2, danger: 4 } as const;

export function toComponents(message: Message): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const buttons: Record<string, unknown>[] = [];
  if (message.picker?.mode === 'single') {
    for (const c of message.picker.choices) {
      buttons.push({ type: 2, style: STYLE.secondary, custom_id: `${message.picker.action}:${c.id}`, label: clip(c.label, 80) });
    }
  }
  for (const b of message.buttons ?? []) {
    buttons.push({ type: 2, style: STYLE[b.style ?? 'secondary'], custom_id: b.action, label: clip(b.label, 80) });
  }
  for (let i = 0; i < buttons.length; i += 5) rows.push({ type: 1, components: buttons.slice(i, i + 5) });
  return rows.slice(0, 5);
}

export function toInteractionData(message: Message, ephemeral: boolean): Record<string, unknown> {
  return {
    content: '',
    embeds: [toEmbed(message)],
    components: toComponents(message),
    ...(ephemeral ? { flags: 64 } : {}),
    allowed_mentions: { parse: [] },
  };
}
