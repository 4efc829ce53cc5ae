//! The form's keys, values and layout.

use super::*;

fn key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

fn typed(form: &mut Form, text: &str) {
    for c in text.chars() {
        form.input(key(Key::Char(c)));
    }
}

fn form() -> Form {
    Form::new(vec![
        Field::text("What happened?", "", "a line"),
        Field::choice(
            "The urge",
            vec![Choice::words("go quiet"), Choice::words("get busy")],
            true,
            &[],
        ),
        Field::choice(
            "How it ended",
            vec![Choice::words("closer"), Choice::words("same")],
            false,
            &["same".to_owned()],
        ),
        Field::number("How likely", None, (0, 100, 10), "%"),
    ])
}

#[test]
fn text_takes_letters_spaces_and_edits_at_the_cursor() {
    let mut f = form();
    typed(&mut f, "we argü");
    f.input(key(Key::Left));
    f.input(key(Key::Backspace));
    typed(&mut f, "r");
    assert_eq!(f.text(0), "we arrü");
    f.input(key(Key::Home));
    f.input(key(Key::Delete));
    assert_eq!(f.text(0), "e arrü");
    assert!(f.paste("ed\nsecond line kept"));
    assert_eq!(
        f.text(0),
        "ed second line kepte arrü",
        "every pasted line is kept"
    );
    f.input(key(Key::End));
    typed(&mut f, "one");
    f.input(key(Key::Char('\n')));
    f.input(Input {
        key: Key::Char('j'),
        ctrl: true,
        alt: false,
        shift: false,
    });
    typed(&mut f, "two");
    assert!(
        f.text(0).ends_with("one  two"),
        "line breaks become spaces: {}",
        f.text(0)
    );
}

#[test]
fn choices_pick_one_or_several_and_clear() {
    let mut f = form();
    f.down();
    assert!(!f.on_text());
    f.input(key(Key::Char(' ')));
    f.input(key(Key::Right));
    f.input(key(Key::Char(' ')));
    assert_eq!(f.picked(1), ["go quiet", "get busy"]);
    f.down();
    assert_eq!(f.picked(2), ["same"]);
    f.input(key(Key::Char(' ')));
    assert_eq!(
        f.picked(2),
        ["closer"],
        "one only: picking one unpicks the other"
    );
    assert!(f.input(key(Key::Backspace)));
    assert!(f.picked(2).is_empty());
}

#[test]
fn numbers_start_at_the_bottom_move_by_steps_stay_in_range_and_skip() {
    let mut f = form();
    f.focus = 3;
    f.input(key(Key::Right));
    assert_eq!(f.number(3), Some(0));
    for _ in 0..15 {
        f.input(key(Key::Right));
    }
    assert_eq!(f.number(3), Some(100));
    f.input(key(Key::Left));
    assert_eq!(f.number(3), Some(90));
    f.input(key(Key::Backspace));
    assert_eq!(f.number(3), None);
    assert!(!f.down(), "the last field");
    assert!(f.up());
}

/// Issue 37, item 17: a chip is never split between lines, at any width: its box stays
/// with its label ("[ ]" never ends a line), and a chip that fits on a line is on one.
#[test]
fn chips_wrap_as_units_never_parting_box_and_label() {
    let labels = [
        "Pull away",
        "Go quiet",
        "Shut down and check out",
        "Get busy with something else",
        "Change the subject, keep it light",
        "Hide how you feel",
        "Start an argument",
        "Find fault or snap at them",
        "End it before they can",
        "Seek reassurance",
        "Check their phone or where they are",
    ];
    let f = Form::new(vec![Field::choice(
        "What was the urge?",
        labels.iter().map(|l| Choice::words(*l)).collect(),
        true,
        &["Go quiet".to_owned()],
    )]);
    let theme = Theme::calm();
    for width in [30, 41, 60, 79, 80, 100, 120, 160] {
        let lines: Vec<String> = f
            .lines(&theme, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        for l in &lines {
            let t = l.trim_end();
            assert!(
                !t.ends_with('[') && !t.ends_with("[ ]") && !t.ends_with("[x]"),
                "a box left at the end of a line at {width}: {lines:#?}"
            );
            assert!(!t.trim_start().starts_with(']'), "{width}: {lines:#?}");
            assert!(t.chars().count() <= width, "{width}: {lines:#?}");
        }
        for label in labels {
            let mark = if label == "Go quiet" { "[x]" } else { "[ ]" };
            let chip = format!("{mark} {label}");
            if chip.len() + 4 <= width {
                assert!(
                    lines.iter().any(|l| l.contains(&chip)),
                    "{chip:?} split at {width}: {lines:#?}"
                );
            } else {
                let first = label.split(' ').next().unwrap();
                assert!(
                    lines.iter().any(|l| l.contains(&format!("{mark} {first}"))),
                    "{chip:?} parted from its box at {width}: {lines:#?}"
                );
            }
        }
    }
}
