/**
 * The neutral card model. Conversation handlers build these; `cards/` renders them for Teams
 * (Adaptive Card 1.5), Slack (Block Kit; a card with a form becomes a modal) and the local web chat (HTML).
 * Nothing here knows about a platform.
 */

/** What a button or a form submission sends back to the core. `verb` names the handler. */
export interface CardAction {
  verb: string;
  /** Small JSON payload (ids, not content). Kept under 2,000 characters for Slack button values. */
  data?: Record<string, string | number | boolean | null>;
}

export interface CardButton {
  /** Stable id, unique within the card; used as Slack action_id and Teams action id. */
  id: string;
  label: string;
  action: CardAction;
  style?: 'primary' | 'danger' | 'default';
}

/**
 * Titles, subtitles, headings, labels and alt texts are plain text: every renderer shows them as
 * they are. Section text, fact values and text replies are the markdown subset, where anything a
 * person typed goes in through `plain()` (cards/plain-text.ts) so that it, too, shows as typed.
 */
export interface CardFact {
  label: string;
  /** Markdown subset, as `CardSection.text`. */
  value: string;
}

export interface CardSection {
  heading?: string;
  /** Markdown subset: *bold*, _italic_, `code`, bullet lines starting with "- ", [text](url). */
  text?: string;
  facts?: CardFact[];
}

export type FormInput =
  | { kind: 'text'; id: string; label: string; value?: string; placeholder?: string; required?: boolean; maxLength?: number; hint?: string }
  | {
      kind: 'multiline';
      id: string;
      label: string;
      value?: string;
      placeholder?: string;
      required?: boolean;
      maxLength?: number;
      hint?: string;
      /** Not required, but needed in some case: said instead of "(optional)" ("needed when …"). */
      needed?: string;
    }
  | { kind: 'date'; id: string; label: string; value?: string /* YYYY-MM-DD */; required?: boolean; hint?: string }
  | {
      kind: 'choice';
      id: string;
      label: string;
      options: { value: string; label: string }[];
      value?: string;
      required?: boolean;
      /** Allow a typed value not in the list (e.g. a new change idea). */
      allowOther?: boolean;
      hint?: string;
    }
  | {
      kind: 'people';
      id: string;
      label: string;
      value?: string[] /* platform user ids */;
      /** How those people are named, in the same order: a text field (the local chat) shows names, not ids. */
      names?: string[];
      required?: boolean;
      multiple?: boolean;
      hint?: string;
    };

export interface CardForm {
  /** Stable id; Slack modal callback_id. */
  id: string;
  title: string;
  inputs: FormInput[];
  submitLabel: string;
  /** Sent with the input values (merged under `values`) when the form is submitted. */
  submit: CardAction;
  /**
   * What a button sends to ask for this form again where it cannot be shown inline: a Slack message
   * has no form, only a button whose click brings the trigger_id needed to open the modal.
   * Without it, a Slack message of this card shows no way into the form.
   */
  openAction?: CardAction;
}

export interface CardImage {
  /** PNG bytes. Renderers embed as data URI (Teams, web) or the adapter uploads it (Slack). */
  png: Buffer;
  alt: string;
  title?: string;
}

export interface Card {
  title: string;
  subtitle?: string;
  sections?: CardSection[];
  facts?: CardFact[];
  images?: CardImage[];
  buttons?: CardButton[];
  form?: CardForm;
}

/** Form values as submitted: input id -> string (people and multi-choice inputs: comma-separated ids). */
export type FormValues = Record<string, string>;
