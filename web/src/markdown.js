// The engine's hover text is Markdown in which plan text is already escaped. It is turned
// into DOM nodes here, never into an HTML string: text goes in as text nodes, so nothing
// a plan or config says can become markup on the page.

/** Appends `markdown` to `parent` as paragraphs with bold, code and https links. */
export function renderMarkdown(parent, markdown) {
  for (const block of markdown.split(/\n{2,}/)) {
    const paragraph = document.createElement("p");
    appendInline(paragraph, block.replace(/\n/g, " "));
    parent.appendChild(paragraph);
  }
  return parent;
}

const INLINE = /\\([!-/:-@[-`{-~])|\*\*((?:\\.|[^*\\])+)\*\*|`([^`]+)`|\[((?:\\.|[^\]\\])+)\]\((https:\/\/[^\s()]+)\)/g;

function appendInline(parent, text) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    parent.appendChild(document.createTextNode(text.slice(last, match.index)));
    const [, escaped, bold, code, linkText, href] = match;
    if (escaped !== undefined) {
      parent.appendChild(document.createTextNode(escaped));
    } else if (bold !== undefined) {
      appendInline(parent.appendChild(document.createElement("strong")), bold);
    } else if (code !== undefined) {
      parent.appendChild(document.createElement("code")).textContent = code;
    } else {
      const link = parent.appendChild(document.createElement("a"));
      link.href = href;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      appendInline(link, linkText);
    }
    last = match.index + match[0].length;
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
}
