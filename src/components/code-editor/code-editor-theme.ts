/**
 * CodeMirror look that follows the Mantine colour scheme through CSS
 * variables, so one theme serves the light and the dark scheme. Token colours
 * use CSS light-dark() (Mantine sets `color-scheme` on the root) with shades
 * that keep a 4.5:1 contrast on the body background in both schemes.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: 'var(--mantine-font-size-sm)',
    backgroundColor: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-text)',
  },
  '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)' },
  '.cm-gutters': {
    backgroundColor: 'var(--mantine-color-default)',
    color: 'var(--mantine-color-dimmed)',
    borderRight: '1px solid var(--mantine-color-default-border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--mantine-color-default-hover)' },
  '.cm-cursor': { borderLeftColor: 'var(--mantine-color-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--mantine-primary-color-light) !important',
  },
  '.cm-placeholder': { color: tone('gray-7', 'dark-2') },
  '.cm-tooltip': {
    backgroundColor: 'var(--mantine-color-body)',
    border: '1px solid var(--mantine-color-default-border)',
  },
});

/**
 * A Mantine colour shade for each scheme. The light one is mixed with 25% black
 * because even shade 9 of green, orange and teal stays under 4.5:1 on white.
 */
function tone(light: string, dark: string): string {
  return `light-dark(color-mix(in srgb, var(--mantine-color-${light}) 75%, black), var(--mantine-color-${dark}))`;
}

const highlightStyle = HighlightStyle.define([
  {
    tag: [tags.propertyName, tags.definition(tags.propertyName)],
    color: tone('blue-8', 'blue-4'),
  },
  { tag: tags.string, color: tone('green-9', 'green-4') },
  { tag: [tags.number, tags.bool, tags.null], color: tone('orange-9', 'orange-4') },
  { tag: [tags.keyword, tags.operatorKeyword], color: tone('violet-9', 'violet-3') },
  { tag: tags.atom, color: tone('orange-9', 'orange-4') },
  { tag: tags.function(tags.variableName), color: tone('cyan-9', 'cyan-4') },
  { tag: tags.special(tags.variableName), color: tone('pink-9', 'pink-4') },
  { tag: [tags.comment, tags.meta], color: tone('gray-7', 'dark-2'), fontStyle: 'italic' },
  {
    tag: [tags.punctuation, tags.separator, tags.brace, tags.squareBracket],
    color: tone('gray-7', 'dark-2'),
  },
]);

export const codeEditorTheme = [editorTheme, syntaxHighlighting(highlightStyle)];
