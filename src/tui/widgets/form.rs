//! A small form: one-line text fields, choices (chips, one or several), and numbers on a
//! scale, one field focused at a time. The episode and prediction steps of the check-in and
//! the look-back on a prediction are forms.
//!
//! Keys (the screen binds Up/Down to [`Form::up`] / [`Form::down`] and sends the rest here as
//! typed input): in a text field, letters go in and Left/Right/Home/End/Backspace/Delete edit;
//! on a choice, Left/Right move between the chips and Space picks or unpicks; on a number,
//! Left/Right lower and raise it; Backspace or Delete clears a choice or a number (skipped).

use ratatui::text::{Line, Span};
use ratatui_textarea::{Input, Key};

use crate::tui::theme::Theme;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::wrap;

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the option stands for (an id, or words).
    pub key: String,
    /// What is shown.
    pub label: String,
}

impl Choice {
    /// An option whose key and label are the same words.
    pub fn words(text: impl Into<String>) -> Choice {
        let text = text.into();
        Choice {
            key: text.clone(),
            label: text,
        }
    }
}

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text; `cursor` counts characters.
    Text {
        /// The text.
        text: String,
        /// Where the cursor is, in characters.
        cursor: usize,
        /// Shown, dimmed, while the text is empty.
        placeholder: String,
    },
    /// Chips to pick from.
    Choice {
        /// The options.
        options: Vec<Choice>,
        /// Whether several can be picked.
        multi: bool,
        /// Which are picked (as long as `options`).
        picked: Vec<bool>,
        /// The highlighted option.
        at: usize,
    },
    /// A number on a scale, or none (skipped).
    Number {
        /// The value.
        value: Option<u8>,
        /// The lowest value.
        min: u8,
        /// The highest value.
        max: u8,
        /// How far Left/Right move it.
        step: u8,
        /// Shown after the value ("%", "/5").
        suffix: &'static str,
    },
}

/// A labelled field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The question or name shown above it.
    pub label: String,
    /// What it holds.
    pub kind: FieldKind,
    /// Not asked now (it does not apply to the answers above): not drawn, not focused.
    pub hidden: bool,
    /// A line under the value, in the error style: what is wrong with it and how to fix it.
    pub problem: Option<String>,
}

impl Field {
    /// A text field holding `text`.
    pub fn text(label: &str, text: &str, placeholder: &str) -> Field {
        Field {
            label: label.to_owned(),
            kind: FieldKind::Text {
                text: text.to_owned(),
                cursor: text.chars().count(),
                placeholder: placeholder.to_owned(),
            },
            hidden: false,
            problem: None,
        }
    }

    /// A choice among `options`, those whose keys are in `picked` picked.
    pub fn choice(label: &str, options: Vec<Choice>, multi: bool, picked: &[String]) -> Field {
        let marks = options.iter().map(|o| picked.contains(&o.key)).collect();
        Field {
            label: label.to_owned(),
            kind: FieldKind::Choice {
                options,
                multi,
                picked: marks,
                at: 0,
            },
            hidden: false,
            problem: None,
        }
    }

    /// A number from `min` to `max` moved by `step`.
    pub fn number(
        label: &str,
        value: Option<u8>,
        (min, max, step): (u8, u8, u8),
        suffix: &'static str,
    ) -> Field {
        Field {
            label: label.to_owned(),
            kind: FieldKind::Number {
                value,
                min,
                max,
                step: step.max(1),
                suffix,
            },
            hidden: false,
            problem: None,
        }
    }
}

/// Fields and the one focused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The fields, top to bottom.
    pub fields: Vec<Field>,
    /// The focused field.
    pub focus: usize,
}

impl Form {
    /// A form of `fields`, the first focused.
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, focus: 0 }
    }

    /// Focuses the field above (skipping hidden ones); false at the top.
    pub fn up(&mut self) -> bool {
        match (0..self.focus).rev().find(|i| !self.fields[*i].hidden) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    /// Focuses the field below (skipping hidden ones); false at the bottom.
    pub fn down(&mut self) -> bool {
        match (self.focus + 1..self.fields.len()).find(|i| !self.fields[*i].hidden) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    /// Hides field `i` (or shows it again); a hidden field keeps its value, and the focus
    /// leaves it for the one above.
    pub fn set_hidden(&mut self, i: usize, hidden: bool) {
        if let Some(f) = self.fields.get_mut(i) {
            f.hidden = hidden;
        }
        if hidden && self.focus == i && !self.up() {
            self.down();
        }
    }

    /// Whether field `i` is asked now.
    pub fn shown(&self, i: usize) -> bool {
        self.fields.get(i).is_some_and(|f| !f.hidden)
    }

    /// Says what is wrong with field `i` under it (or nothing, with `None`).
    pub fn set_problem(&mut self, i: usize, problem: Option<String>) {
        if let Some(f) = self.fields.get_mut(i) {
            f.problem = problem;
        }
    }

    /// Unpicks every option of the choice `i`.
    pub fn unpick(&mut self, i: usize) {
        if let Some(FieldKind::Choice { picked, .. }) = self.fields.get_mut(i).map(|f| &mut f.kind)
        {
            picked.iter_mut().for_each(|p| *p = false);
        }
    }

    /// Whether the focused field takes text.
    pub fn on_text(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.kind),
            Some(FieldKind::Text { .. })
        )
    }

    /// Applies a typed key to the focused field; returns whether a value changed.
    pub fn input(&mut self, input: Input) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let Input { key, ctrl, alt, .. } = input;
        match &mut field.kind {
            FieldKind::Text { text, cursor, .. } => edit_text(text, cursor, key, ctrl, alt),
            FieldKind::Choice {
                options,
                multi,
                picked,
                at,
            } => choose(options.len(), *multi, picked, at, key),
            FieldKind::Number {
                value,
                min,
                max,
                step,
                ..
            } => set_number(value, (*min, *max, *step), key, ctrl || alt),
        }
    }

    /// Pastes into the focused text field, its lines joined by spaces (a field holds one line;
    /// nothing pasted is dropped); returns whether the text changed.
    pub fn paste(&mut self, pasted: &str) -> bool {
        let line: String = pasted
            .lines()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        match self.fields.get_mut(self.focus).map(|f| &mut f.kind) {
            Some(FieldKind::Text { text, cursor, .. }) if !line.is_empty() => {
                let at = text
                    .char_indices()
                    .nth(*cursor)
                    .map_or(text.len(), |(i, _)| i);
                text.insert_str(at, &line);
                *cursor += line.chars().count();
                true
            }
            _ => false,
        }
    }

    /// The text of field `i` (empty for other kinds).
    pub fn text(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Text { text, .. }) => text,
            _ => "",
        }
    }

    /// Puts `new` in text field `i` (nothing for other kinds), the cursor at its end.
    pub fn set_text(&mut self, i: usize, new: &str) {
        if let Some(FieldKind::Text { text, cursor, .. }) =
            self.fields.get_mut(i).map(|f| &mut f.kind)
        {
            *text = new.to_owned();
            *cursor = new.chars().count();
        }
    }

    /// The keys picked in field `i`, in the options' order.
    pub fn picked(&self, i: usize) -> Vec<&str> {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Choice {
                options, picked, ..
            }) => options
                .iter()
                .zip(picked)
                .filter(|(_, p)| **p)
                .map(|(o, _)| o.key.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The number in field `i`.
    pub fn number(&self, i: usize) -> Option<u8> {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Number { value, .. }) => *value,
            _ => None,
        }
    }

    /// Draws `head` (wrapped) and the form below it in `area`, scrolled so the focused field
    /// is in view on a short screen; returns where the terminal's cursor goes (see
    /// [`Form::lines_with_caret`]).
    pub fn render(
        &self,
        head: Vec<Line<'static>>,
        theme: &Theme,
        frame: &mut ratatui::Frame,
        area: ratatui::layout::Rect,
    ) -> Option<ratatui::layout::Position> {
        let width = usize::from(area.width);
        let mut all = wrap::lines(head, width);
        let (form, caret) = self.lines_with_caret(theme, width);
        let caret = caret.map(|c| c.below(all.len()));
        all.extend(form);
        let focus_line = all
            .iter()
            .position(|l| l.spans.first().is_some_and(|s| s.content == "▸ "))
            .unwrap_or(0);
        let scroll = (focus_line + 3).saturating_sub(usize::from(area.height));
        frame.render_widget(
            ratatui::widgets::Paragraph::new(all).scroll((u16::try_from(scroll).unwrap_or(0), 0)),
            area,
        );
        caret.and_then(|c| c.on(area, scroll))
    }

    /// The form as lines `width` columns wide: each field's label (the focused one marked),
    /// then its value; the focused chip and the text cursor are highlighted.
    pub fn lines(&self, theme: &Theme, width: usize) -> Vec<Line<'static>> {
        self.lines_with_caret(theme, width).0
    }

    /// [`Form::lines`], and where in them the terminal's cursor goes: the caret of the focused
    /// text field, the focused chip of a choice, the value of a number.
    pub fn lines_with_caret(
        &self,
        theme: &Theme,
        width: usize,
    ) -> (Vec<Line<'static>>, Option<Spot>) {
        let mut out = Vec::new();
        let mut caret = None;
        for (i, field) in self.fields.iter().enumerate() {
            if field.hidden {
                continue;
            }
            let focused = i == self.focus;
            if focused {
                caret = Some(Spot::row(out.len()));
            }
            out.push(Line::from(vec![
                Span::styled(if focused { "▸ " } else { "  " }, theme.key),
                Span::styled(field.label.clone(), theme.title),
            ]));
            match &field.kind {
                FieldKind::Text {
                    text,
                    cursor,
                    placeholder,
                } => {
                    let caret_at = focused.then_some(*cursor);
                    let line = text_line(text, caret_at, placeholder, theme);
                    if focused {
                        // On the glyph: after the indent and the text before it.
                        caret = Some(Spot::before_span(out.len(), &line, 2));
                    }
                    out.push(line);
                }
                FieldKind::Choice {
                    options,
                    picked,
                    at,
                    ..
                } => {
                    if options.is_empty() {
                        out.push(Line::from(vec![
                            Span::raw(INDENT),
                            Span::styled("nothing to choose from yet", theme.muted),
                        ]));
                    }
                    let chips = options.iter().zip(picked).enumerate().map(|(j, (o, p))| {
                        let style = if focused && j == *at {
                            theme.selected
                        } else if *p {
                            theme.key
                        } else {
                            theme.text
                        };
                        (if *p { "[x] " } else { "[ ] " }, o.label.as_str(), style)
                    });
                    if !options.is_empty() {
                        let (lines, chip) = chip_lines(chips, focused.then_some(*at), width);
                        if let Some(chip) = chip {
                            caret = Some(chip.below(out.len()));
                        }
                        out.extend(lines);
                    }
                }
                FieldKind::Number {
                    value,
                    min,
                    max,
                    suffix,
                    ..
                } => {
                    let shown = match value {
                        Some(v) => format!("‹ {v}{suffix} ›"),
                        None => "–".to_owned(),
                    };
                    let hint = if focused {
                        format!(
                            "  ←/→ from {min}{suffix} to {max}{suffix}, or a digit; Backspace skips"
                        )
                    } else {
                        String::new()
                    };
                    if focused {
                        caret = Some(Spot {
                            line: out.len(),
                            column: INDENT.len(),
                        });
                    }
                    out.push(Line::from(vec![
                        Span::raw(INDENT),
                        Span::styled(shown, if focused { theme.selected } else { theme.text }),
                        Span::styled(hint, theme.muted),
                    ]));
                }
            }
            if let Some(problem) = &field.problem {
                out.push(Line::from(vec![
                    Span::raw("    "),
                    Span::styled(problem.clone(), theme.error),
                ]));
            }
        }
        wrap::lines_with(out, width, caret)
    }
}

/// A text field's line: its text, with the caret glyph at `caret` (a count of characters)
/// when it is focused, after the indent and the text before it (the glyph is the third span);
/// the placeholder while it is empty.
fn text_line(text: &str, caret: Option<usize>, placeholder: &str, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(INDENT)];
    match caret {
        None if text.is_empty() => spans.push(Span::styled(placeholder.to_owned(), theme.muted)),
        None => spans.push(Span::styled(shown(text), theme.text)),
        Some(cursor) => {
            let at = text
                .char_indices()
                .nth(cursor)
                .map_or(text.len(), |(i, _)| i);
            spans.push(Span::styled(shown(&text[..at]), theme.text));
            spans.push(Span::styled(GLYPH, theme.key));
            spans.push(Span::styled(shown(&text[at..]), theme.text));
            if text.is_empty() {
                spans.push(Span::styled(placeholder.to_owned(), theme.muted));
            }
        }
    }
    Line::from(spans)
}

/// How far a field's value is indented under its label.
const INDENT: &str = "    ";

/// Chips laid out as units, `width` columns wide, under a label: a chip goes on the next line
/// when it does not fit on this one, so its box never parts from its label. A chip wider than
/// a whole line wraps its label, the box glued to the first word and the rest under the label.
/// With the spot where chip `focus` begins.
fn chip_lines<'a>(
    chips: impl Iterator<Item = (&'static str, &'a str, ratatui::style::Style)>,
    focus: Option<usize>,
    width: usize,
) -> (Vec<Line<'static>>, Option<Spot>) {
    use unicode_width::UnicodeWidthStr;
    let indent = INDENT.len();
    let mut out = Vec::new();
    let mut spans = vec![Span::raw(INDENT)];
    let mut used = indent;
    let mut empty = true;
    let mut spot = None;
    for (j, (mark, label, style)) in chips.enumerate() {
        let w = mark.width() + label.width();
        if !empty && used + 2 + w > width {
            out.push(Line::from(std::mem::replace(
                &mut spans,
                vec![Span::raw(INDENT)],
            )));
            used = indent;
            empty = true;
        }
        if !empty {
            spans.push(Span::raw("  "));
            used += 2;
        }
        empty = false;
        if focus == Some(j) {
            spot = Some(Spot {
                line: out.len(),
                column: used,
            });
        }
        if used + w <= width {
            spans.push(Span::styled(format!("{mark}{label}"), style));
            used += w;
            continue;
        }
        // Wider than a line: here `spans` holds only the indent.
        let rest = " ".repeat(indent + mark.len());
        let first = format!("{INDENT}{mark}");
        let pieces = wrap::indented(label, width, &first, &rest);
        let last = pieces.len().saturating_sub(1);
        for (k, piece) in pieces.into_iter().enumerate() {
            let text = if k == 0 {
                piece[INDENT.len()..].to_owned()
            } else {
                piece[rest.len()..].to_owned()
            };
            let lead = if k == 0 {
                INDENT.to_owned()
            } else {
                rest.clone()
            };
            let line = vec![Span::raw(lead), Span::styled(text, style)];
            if k == last {
                used = line.iter().map(Span::width).sum();
                spans = line;
            } else {
                out.push(Line::from(line));
            }
        }
    }
    out.push(Line::from(spans));
    (out, spot)
}

/// Applies a typed key to a text field's `text`, its `cursor` a count of characters; whether
/// the text changed.
/// A one-line field's text as shown: a line break (from `$EDITOR`) as ` ↵ `, kept in the text.
fn shown(text: &str) -> String {
    text.replace('\n', " ↵ ")
}

fn edit_text(text: &mut String, cursor: &mut usize, key: Key, ctrl: bool, alt: bool) -> bool {
    let len = text.chars().count();
    let byte = |t: &str, c: usize| t.char_indices().nth(c).map_or(t.len(), |(i, _)| i);
    match (key, ctrl, alt) {
        // A line break typed or sent into one line (LF from a paste that is not
        // bracketed, Ctrl-J, Ctrl-M) is a space: the words on either side stay apart.
        (Key::Char('\n' | '\r'), _, _) | (Key::Char('j' | 'm'), true, false) => {
            let at = byte(text, *cursor);
            text.insert(at, ' ');
            *cursor += 1;
            true
        }
        (Key::Char(c), false, false) if !c.is_control() => {
            let at = byte(text, *cursor);
            text.insert(at, c);
            *cursor += 1;
            true
        }
        (Key::Backspace, false, _) | (Key::Char('h'), true, false) if *cursor > 0 => {
            let at = byte(text, *cursor - 1);
            text.remove(at);
            *cursor -= 1;
            true
        }
        (Key::Delete, false, _) | (Key::Char('d'), true, false) if *cursor < len => {
            let at = byte(text, *cursor);
            text.remove(at);
            true
        }
        (Key::Left, _, _) | (Key::Char('b'), true, false) => {
            *cursor = cursor.saturating_sub(1);
            false
        }
        (Key::Right, _, _) | (Key::Char('f'), true, false) => {
            *cursor = (*cursor + 1).min(len);
            false
        }
        (Key::Home, _, _) | (Key::Char('a'), true, false) => {
            *cursor = 0;
            false
        }
        (Key::End, _, _) | (Key::Char('e'), true, false) => {
            *cursor = len;
            false
        }
        _ => false,
    }
}

/// Applies a key to a choice of `options` options: moves among them, picks (one, unless
/// `multi`) or unpicks them all; whether what is picked changed.
fn choose(options: usize, multi: bool, picked: &mut [bool], at: &mut usize, key: Key) -> bool {
    match key {
        Key::Left => {
            *at = at.saturating_sub(1);
            false
        }
        Key::Right => {
            *at = (*at + 1).min(options.saturating_sub(1));
            false
        }
        Key::Char(' ') if options > 0 => {
            let now = !picked[*at];
            if !multi {
                picked.iter_mut().for_each(|p| *p = false);
            }
            picked[*at] = now;
            true
        }
        Key::Backspace | Key::Delete => {
            let any = picked.iter().any(|p| *p);
            picked.iter_mut().for_each(|p| *p = false);
            any
        }
        _ => false,
    }
}

/// Applies a key to a number field's `value` on the scale `(min, max, step)`; `modified`
/// when Ctrl or Alt was held; whether the value changed.
fn set_number(
    value: &mut Option<u8>,
    (min, max, step): (u8, u8, u8),
    key: Key,
    modified: bool,
) -> bool {
    let before = *value;
    match key {
        Key::Left => {
            *value = Some(value.map_or(min, |v| v.saturating_sub(step).max(min)));
        }
        Key::Right => {
            *value = Some(value.map_or(min, |v| v.saturating_add(step).min(max)));
        }
        Key::Backspace | Key::Delete => *value = None,
        // A digit sets the value as on every other scale: that many steps (1 on
        // 1–5; 7 on a percentage is 70 %), where the scale has it.
        Key::Char(c) if !modified => {
            if let Some(v) = c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .and_then(|d| d.checked_mul(step))
                .filter(|v| (min..=max).contains(v))
            {
                *value = Some(v);
            }
        }
        _ => {}
    }
    *value != before
}

#[cfg(test)]
mod tests;
