/**
 * Types of the built-in codebook templates: pure data that a new study can copy into its
 * code tree. Every text is given in Dutch and English, because the seed study is Dutch and
 * the interface is bilingual.
 */

/** A language the templates are written in. */
export type Lang = 'nl' | 'en'

/** One text in both languages. */
export interface Localized {
  nl: string
  en: string
}

/** One code of a template, with the parts a good codebook entry has. */
export interface TemplateCode {
  /** Stable id, kebab-case, unique within the template; never shown to the user. */
  key: string
  /** Key of the parent code, or null for a top-level code. Parents come before children. */
  parentKey: string | null
  /** Short name; unique among siblings in each language and free of '/', the path separator. */
  name: Localized
  /** Highlight colour as #RRGGBB, one hue family per top-level group. */
  colour: string
  /** What the code means, in the seed's own wording. */
  definition: Localized
  /** When to apply it: concrete indicators in the text. */
  inclusion: Localized
  /** When not to apply it, and which code to use instead. */
  exclusion: Localized
  /** A short invented passage, as it could stand in a project evaluation report. */
  example: Localized
}

/** A whole codebook template. */
export interface CodebookTemplate {
  /** Stable id, e.g. 'loopbaan'. */
  id: string
  name: Localized
  description: Localized
  /** Codes in tree order: every parent before its children. */
  codes: TemplateCode[]
}
