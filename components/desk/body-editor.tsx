"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { bodyExtensions, parseBody, serializeBody } from "@/lib/render/document";
import { badEmbedMessage, embedFromUrl } from "@/lib/render/embeds";
import { isSafeHref, unsafeLinkMessage } from "@/lib/render/links";
import { imageSources } from "@/lib/media/urls";
import type { PickedImage } from "@/lib/media/types";
import { MediaPicker } from "./media-picker";

type Panel = "link" | "embed" | "image" | null;

/**
 * The story's rich-text editor (Tiptap, on ProseMirror). `value` is the document as JSON; every
 * change is reported as JSON, which the server validates and renders to sanitized HTML once, at
 * save. The toolbar is a row of real buttons with pressed states; the text area is labelled by
 * the visible "Body" label, so assistive technology announces it.
 */
export function BodyEditor({
  value,
  onChange,
  labelId,
  invalid,
  describedBy,
}: {
  value: string;
  onChange: (json: string) => void;
  labelId: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const lastEmitted = useRef(value);
  const editor = useEditor({
    extensions: bodyExtensions,
    content: parseBody(value),
    // The server renders no editor: the text appears once the page is interactive.
    immediatelyRender: false,
    // Tiptap would add its base styles as an inline <style>, which the desk's CSP refuses: they are
    // in globals.css instead.
    injectCSS: false,
    editorProps: { attributes: editorAttributes(labelId, invalid, describedBy) },
    onUpdate: ({ editor: current }) => {
      const json = serializeBody(current.getJSON());
      lastEmitted.current = json;
      onChange(json);
    },
  });

  // Text replaced from outside (a recovered backup, the newer version loaded to merge).
  useEffect(() => {
    if (!editor || value === lastEmitted.current) return;
    lastEmitted.current = value;
    editor.commands.setContent(parseBody(value), { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({ editorProps: { attributes: editorAttributes(labelId, invalid, describedBy) } });
  }, [editor, labelId, invalid, describedBy]);

  return (
    <div className="body-editor-frame">
      {editor ? <Toolbar editor={editor} /> : <div className="editor-toolbar" aria-hidden="true" />}
      <EditorContent editor={editor} />
      {editor ? null : <p className="hint">Loading the editor…</p>}
    </div>
  );
}

/** The editable area's attributes: a multi-line text box named by the visible label, with its error. */
function editorAttributes(labelId: string, invalid?: boolean, describedBy?: string): Record<string, string> {
  return {
    class: "body-editor",
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelId,
    ...(invalid ? { "aria-invalid": "true" } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}

function Toolbar({ editor }: { editor: Editor }) {
  const [panel, setPanel] = useState<Panel>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      link: current.isActive("link"),
      heading2: current.isActive("heading", { level: 2 }),
      heading3: current.isActive("heading", { level: 3 }),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      pullQuote: current.isActive("pullQuote"),
      href: String(current.getAttributes("link").href ?? ""),
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (open: Panel) => setPanel((current) => (current === open ? null : open));

  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
        <ToolButton label="Bold" shortcut="Ctrl+B" pressed={state.bold} onPress={() => chain().toggleBold().run()}>
          <strong>B</strong>
        </ToolButton>
        <ToolButton label="Italic" shortcut="Ctrl+I" pressed={state.italic} onPress={() => chain().toggleItalic().run()}>
          <em>I</em>
        </ToolButton>
        <ToolButton label="Link" pressed={state.link || panel === "link"} onPress={() => toggle("link")}>
          Link
        </ToolButton>
        <span className="toolbar-gap" aria-hidden="true" />
        <ToolButton label="Heading" pressed={state.heading2} onPress={() => chain().toggleHeading({ level: 2 }).run()}>
          H2
        </ToolButton>
        <ToolButton label="Subheading" pressed={state.heading3} onPress={() => chain().toggleHeading({ level: 3 }).run()}>
          H3
        </ToolButton>
        <ToolButton label="Bulleted list" pressed={state.bulletList} onPress={() => chain().toggleBulletList().run()}>
          • List
        </ToolButton>
        <ToolButton label="Numbered list" pressed={state.orderedList} onPress={() => chain().toggleOrderedList().run()}>
          1. List
        </ToolButton>
        <ToolButton label="Block quote" pressed={state.blockquote} onPress={() => chain().toggleBlockquote().run()}>
          Quote
        </ToolButton>
        <ToolButton
          label="Pull quote"
          pressed={state.pullQuote}
          onPress={() => (state.pullQuote ? chain().setParagraph().run() : chain().setNode("pullQuote").run())}
        >
          Pull quote
        </ToolButton>
        <span className="toolbar-gap" aria-hidden="true" />
        <ToolButton label="Image" pressed={panel === "image"} onPress={() => toggle("image")}>
          Image
        </ToolButton>
        <ToolButton label="Embed" pressed={panel === "embed"} onPress={() => toggle("embed")}>
          Embed
        </ToolButton>
      </div>
      {panel === "link" ? <LinkPanel editor={editor} initial={state.href} onDone={() => setPanel(null)} /> : null}
      {panel === "embed" ? <EmbedPanel editor={editor} onDone={() => setPanel(null)} /> : null}
      {panel === "image" ? <ImagePanel editor={editor} onDone={() => setPanel(null)} /> : null}
    </>
  );
}

function ToolButton({
  label,
  shortcut,
  pressed,
  onPress,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed: boolean;
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      // Keep the text selection: a pointer press would otherwise move focus out of the editor first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

/** A small inline form under the toolbar: one address field, checked before it reaches the text. */
function AddressPanel({
  groupLabel,
  label,
  initial = "",
  submitLabel,
  validate,
  onSubmit,
  onDone,
  extra,
}: {
  groupLabel: string;
  label: string;
  initial?: string;
  submitLabel: string;
  validate: (value: string) => string | null;
  onSubmit: (value: string) => void;
  onDone: () => void;
  extra?: ReactNode;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  function submit() {
    const problem = validate(value.trim());
    if (problem) {
      setError(problem);
      return;
    }
    onSubmit(value.trim());
    onDone();
  }
  return (
    <div className="editor-panel" role="group" aria-label={groupLabel}>
      <label htmlFor={`${id}-address`}>{label}</label>
      <input
        id={`${id}-address`}
        type="url"
        inputMode="url"
        autoFocus
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            submit();
          }
          if (event.key === "Escape") onDone();
        }}
      />
      <button type="button" className="button" onClick={submit}>
        {submitLabel}
      </button>
      {extra}
      <button type="button" className="button-link" onClick={onDone}>
        Cancel
      </button>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function LinkPanel({ editor, initial, onDone }: { editor: Editor; initial: string; onDone: () => void }) {
  return (
    <AddressPanel
      groupLabel="Add or change a link"
      label="Link address"
      initial={initial}
      submitLabel="Apply link"
      validate={(href) => (isSafeHref(href) ? null : unsafeLinkMessage)}
      onSubmit={(href) => {
        const chain = editor.chain().focus().extendMarkRange("link");
        // With nothing selected, the address itself becomes the link text.
        if (editor.state.selection.empty && !editor.isActive("link")) {
          chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
        } else {
          chain.setLink({ href }).run();
        }
      }}
      onDone={onDone}
      extra={
        initial ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              editor.chain().focus().extendMarkRange("link").unsetLink().run();
              onDone();
            }}
          >
            Remove link
          </button>
        ) : null
      }
    />
  );
}

function EmbedPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  return (
    <AddressPanel
      groupLabel="Embed a video, a post or a page"
      label="Embed address"
      submitLabel="Insert embed"
      validate={(url) => (embedFromUrl(url) ? null : badEmbedMessage)}
      onSubmit={(url) => editor.chain().focus().insertContent({ type: "embed", attrs: { url } }).run()}
      onDone={onDone}
    />
  );
}

function ImagePanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  function insert(image: PickedImage | null) {
    if (!image) return;
    const sources = imageSources(image);
    editor
      .chain()
      .focus()
      .insertContent({
        type: "bodyImage",
        attrs: {
          mediaId: image.id,
          src: sources.src,
          srcset: sources.srcSet ?? null,
          width: sources.width,
          height: sources.height,
          alt: image.alt,
          caption: image.caption,
          credit: image.credit,
        },
      })
      .run();
    onDone();
  }
  return (
    <div className="editor-panel" role="group" aria-label="Insert an image">
      <MediaPicker label="Image to insert" value={null} onChange={insert} />
      <button type="button" className="button-link" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
