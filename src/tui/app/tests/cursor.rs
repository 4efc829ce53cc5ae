//! The terminal's own cursor: at the caret of the field being typed in, on the selected row of
//! a list, hidden on a page of text; what is on top (a dialog) wins. Screen readers,
//! magnifiers and input methods follow it, so it must sit exactly where the caret is drawn.

use ratatui::backend::Backend;
use ratatui::layout::Position;
use ratatui::style::Modifier;

use super::*;

/// Opens a check-in on home and goes to `step`.
fn check_in_at(step: Step) -> App {
    let mut app = app_at_home();
    press(&mut app, "c");
    while checkin(&app).step() != step {
        press(&mut app, "Tab");
    }
    app
}

/// What `app` draws at 80×24: where the terminal's cursor is and the symbol under it, or
/// `None` when it is hidden. The buffer's text comes along for messages.
fn cursor(app: &mut App) -> (Option<(Position, String, Modifier)>, String) {
    let mut terminal = draw(app, 80, 24);
    let text = terminal.backend().to_string();
    let backend = terminal.backend_mut();
    if !backend.cursor_visible() {
        return (None, text);
    }
    let at = backend.get_cursor_position().unwrap();
    let cell = &backend.buffer()[at];
    (Some((at, cell.symbol().to_owned(), cell.modifier)), text)
}

/// The cursor, which must be shown.
fn shown(app: &mut App) -> (Position, String, Modifier) {
    let (at, text) = cursor(app);
    at.unwrap_or_else(|| panic!("the cursor is hidden on:\n{text}"))
}

/// The symbol drawn at `at` in what `app` draws at 80×24.
fn symbol_at(app: &mut App, at: Position) -> String {
    draw(app, 80, 24).backend().buffer()[at].symbol().to_owned()
}

#[test]
fn a_page_without_a_field_or_a_list_leaves_the_cursor_hidden() {
    let mut app = app_at_home();
    assert_eq!(cursor(&mut app).0, None, "home");
    press(&mut app, "!");
    assert_eq!(cursor(&mut app).0, None, "support");
    press(&mut app, "Esc ?");
    assert_eq!(cursor(&mut app).0, None, "the ? overlay hides it");
}

/// The answer box of the check-in: after the last character typed, a CJK character two
/// columns, on the row it wrapped to; ← moves back over a whole wide character.
#[test]
fn typing_an_answer_puts_the_cursor_after_the_last_character_even_wrapped_and_wide() {
    let mut app = check_in_at(Step::Reflect);
    let (empty, _, _) = shown(&mut app);
    typed(&mut app, "I said 我們");
    let (at, _, modifier) = shown(&mut app);
    assert_eq!(at.y, empty.y, "one line");
    assert_eq!(at.x, empty.x + 7 + 4, "\"I said \" and two wide characters");
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 2, at.y)), "們");
    assert!(
        modifier.contains(Modifier::REVERSED),
        "on the caret the text box draws"
    );
    // Long enough to wrap, ending in a CJK word.
    typed(
        &mut app,
        " and then we sat together in the kitchen for a long while saying nothing at all 今天",
    );
    let (at, _, modifier) = shown(&mut app);
    assert!(at.y > empty.y, "on the row it wrapped to: {at:?}");
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 2, at.y)), "天");
    assert!(modifier.contains(Modifier::REVERSED));
    press(&mut app, "Left");
    let (back, symbol, _) = shown(&mut app);
    assert_eq!((back.x, back.y), (at.x - 2, at.y), "back over 天");
    assert_eq!(symbol, "天");
}

/// A one-line field of a form (the moment step): on the caret glyph, after CJK text.
#[test]
fn a_form_field_puts_the_cursor_on_its_caret() {
    let mut app = check_in_at(Step::Episodes);
    typed(&mut app, "晚飯 at eight");
    let (at, symbol, _) = shown(&mut app);
    assert_eq!(symbol, crate::tui::widgets::caret::GLYPH);
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 1, at.y)), "t");
    press(&mut app, "Home Right");
    let (start, symbol, _) = shown(&mut app);
    assert_eq!(symbol, crate::tui::widgets::caret::GLYPH);
    assert_eq!(
        symbol_at(&mut app, Position::new(start.x - 2, start.y)),
        "晚",
        "after one wide character"
    );
}

/// Review: on the selected row's marker, moving with it; in the search, at its caret.
#[test]
fn review_puts_the_cursor_on_the_selected_row_and_in_the_search_as_it_is_typed() {
    let mut app = app_at_home();
    press(&mut app, "r");
    let (first, symbol, _) = shown(&mut app);
    assert_eq!(symbol, "▸");
    press(&mut app, "Down");
    let (second, symbol, _) = shown(&mut app);
    assert_eq!(symbol, "▸", "on the row moved to");
    assert!(second.y > first.y);
    assert_eq!(second.x, first.x);
    press(&mut app, "/");
    typed(&mut app, "我們");
    let (at, symbol, _) = shown(&mut app);
    assert_eq!(symbol, crate::tui::widgets::caret::GLYPH);
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 2, at.y)), "們");
    press(&mut app, "Backspace Backspace Enter");
    assert_eq!(shown(&mut app).1, "▸", "back on the list");
}

/// A list that filters as one types: at the filter's caret after typing, on the row after
/// moving.
#[test]
fn a_filtered_list_follows_what_was_done_last() {
    let mut app = check_in_at(Step::Emotions);
    assert_eq!(shown(&mut app).1, "▸", "on the first feeling");
    typed(&mut app, "lo");
    let (at, symbol, _) = shown(&mut app);
    assert_eq!(symbol, crate::tui::widgets::caret::GLYPH, "in the filter");
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 1, at.y)), "o");
    press(&mut app, "Down");
    assert_eq!(shown(&mut app).1, "▸", "on the row moved to");
}

/// A dialog over a screen takes the cursor to its question; closing it gives it back.
#[test]
fn a_dialog_on_top_wins() {
    let mut app = check_in_at(Step::Reflect);
    typed(&mut app, "words");
    let (caret, _, _) = shown(&mut app);
    press(&mut app, "Esc");
    assert_eq!(question(&app), Some(Question::LeaveCheckIn));
    let (at, symbol, _) = shown(&mut app);
    // Inside the box, on the first letter of its first line.
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 2, at.y)), "│");
    assert_eq!(symbol_at(&mut app, Position::new(at.x - 1, at.y)), " ");
    assert!(symbol.chars().all(char::is_alphabetic), "{symbol:?}");
    assert_ne!(at, caret);
    press(&mut app, "Esc");
    assert_eq!(shown(&mut app).0, caret, "back at the caret");
}

/// The passphrase prompt: at the end of the field, where nothing typed is shown.
#[test]
fn the_passphrase_prompt_puts_the_cursor_at_the_end_of_its_field() {
    let mut app = app_at_home();
    app.session.encrypted = true;
    app.open_locked(true);
    typed(&mut app, "secret");
    let (at, symbol, _) = shown(&mut app);
    assert_eq!(symbol, crate::tui::widgets::caret::GLYPH);
    let text = screen_text(&mut app, 80, 24);
    let row = text.lines().nth(usize::from(at.y)).unwrap();
    assert!(row.contains("Passphrase: ▏"), "{row}");
}
