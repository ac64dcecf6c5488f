// The two editors: the plan (YAML, with findings, fixes, completion and hover from the
// engine) and runlint.toml (with its mistakes shown where they are).

import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, hoverTooltip,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, StreamLanguage } from "@codemirror/language";
import { toml } from "@codemirror/legacy-modes/mode/toml";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { searchKeymap } from "@codemirror/search";
import { yaml } from "@codemirror/lang-yaml";

import { renderMarkdown } from "./markdown.js";

function baseExtensions(label, onChange) {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    lintGutter(),
    // Tab indents (YAML is indentation); Escape then Tab leaves the editor, as CodeMirror
    // documents for keyboard users.
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, ...completionKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ "aria-label": label }),
    EditorView.lineWrapping,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.view);
    }),
  ];
}

/** The plan editor. `engine` is window.runlint; `config()` the config tab's text;
 * `onCursor` is called when the cursor moves. */
export function planEditor(parent, engine, config, onChange, onCursor) {
  const completion = (context) => {
    const text = context.state.doc.toString();
    const found = JSON.parse(engine.complete(text, config(), context.pos));
    // Typing opens the list once a word is started; Ctrl-Space opens it anywhere.
    if (!found || (!context.explicit && found.from === found.to)) return null;
    return {
      from: found.from,
      to: found.to,
      options: found.options.map((option) => ({
        label: option.label,
        apply: option.insert,
        type: option.kind === "key" ? "property" : "enum",
        detail: option.detail ?? undefined,
      })),
      validFor: /^[\w' -]*$/,
    };
  };
  const hover = hoverTooltip((view, pos) => {
    const found = JSON.parse(engine.hover(view.state.doc.toString(), config(), pos));
    if (!found) return null;
    return {
      pos: found.from,
      end: found.to,
      create: () => {
        const dom = document.createElement("div");
        dom.className = "cm-runlint-hover";
        renderMarkdown(dom, found.markdown);
        return { dom };
      },
    };
  });
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: "",
      extensions: [
        baseExtensions("Training plan (YAML)", onChange),
        yaml(),
        autocompletion({ override: [completion], activateOnTyping: true }),
        hover,
        EditorView.updateListener.of((update) => {
          if (update.selectionSet && !update.docChanged) onCursor();
        }),
      ],
    }),
  });
}

const SEVERITIES = ["off", "info", "warning", "error"];

/** The runlint.toml editor: rule names and severities complete under `[rules]`. */
export function configEditor(parent, engine, onChange) {
  const rules = JSON.parse(engine.configurableRules());
  const completion = (context) => {
    const doc = context.state.doc;
    const line = doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    let section = "";
    for (let number = line.number - 1; number >= 1; number -= 1) {
      const header = /^\s*\[([^\]]*)\]/.exec(doc.line(number).text);
      if (header) { section = header[1].trim(); break; }
    }
    if (section !== "rules") return null;
    const key = /^\s*([\w-]*)$/.exec(before);
    if (key && (key[1] || context.explicit)) {
      return {
        from: context.pos - key[1].length,
        options: rules.map((rule) => ({ label: rule.name, apply: `${rule.name} = `, detail: rule.summary, type: "property" })),
        validFor: /^[\w-]*$/,
      };
    }
    const value = /=\s*"?(\w*)$/.exec(before);
    if (!value) return null;
    return {
      from: context.pos - value[1].length - (value[0].includes('"') ? 1 : 0),
      options: SEVERITIES.map((severity) => ({ label: `"${severity}"`, type: "enum" })),
    };
  };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: "",
      extensions: [
        baseExtensions("runlint.toml configuration", onChange),
        StreamLanguage.define(toml),
        autocompletion({ override: [completion], activateOnTyping: true }),
      ],
    }),
  });
}

/** Replaces an editor's whole text. */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Shows findings in an editor. */
export function showDiagnostics(view, diagnostics) {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
