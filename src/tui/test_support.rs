//! Fixtures for screen tests: apps on a fixed date, drawn on a `TestBackend`.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::journal::{Perspective, Preferences};

use super::app::App;
use super::effect::{Done, Effect, Request};
use super::keys::Action;
use super::screen::Msg;
use super::session::{Session, Summary};
use super::theme::Theme;
use crate::content::Catalog;
use crate::journal::Journal;

/// The date every snapshot is taken on.
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A session on the fixture date, 80×24, its journal not read.
pub fn session(prefs: Preferences) -> Session {
    Session::new(
        chrono::DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap(),
        "/home/you/.local/share/closer".into(),
        prefs,
        catalog(),
        Theme::calm(),
    )
}

/// The bundled content, read once.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    Arc::clone(CATALOG.get_or_init(|| Arc::new(Catalog::bundled().unwrap())))
}

/// An app on its first run.
pub fn app_first_run() -> App {
    App::new(session(Preferences::default()))
}

/// An app on home for a person who pulls away, its journal not yet read.
pub fn app_unread() -> App {
    App::new(session(Preferences {
        perspective: Some(Perspective::IPullAway.into()),
        ..Preferences::default()
    }))
}

/// An app as `closer checkin` opens it on an encrypted journal that is locked: home beneath
/// (never drawn), the journal not read, the passphrase prompt offering a check-in.
pub fn app_opened_locked() -> App {
    let mut app = app_unread();
    app.session.encrypted = true;
    app.open_locked(true);
    app
}

/// The state of `$top` (a screen, as `app.top()` gives it), which must be a `$screen`: the
/// test fails otherwise, naming the screen there.
macro_rules! on_top {
    ($top:expr, $screen:path) => {
        match $top {
            $screen(state) => state,
            other => panic!("{other:?}"),
        }
    };
}
pub(crate) use on_top;

/// An app on home, its journal read: 12 entries, a 3-day streak, not yet today.
pub fn app_at_home() -> App {
    let mut app = app_unread();
    load(&mut app, twelve_entries(), false, 3);
    app
}

/// Carries out the requests as the event loop would for those that need no disk: a draft
/// write succeeds.
pub fn settle(app: &mut App, requests: Vec<Request>) {
    settle_with(app, requests, false);
}

/// Carries out the requests; draft writes fail (a full disk) when `full` is true.
pub fn settle_with(app: &mut App, requests: Vec<Request>, full: bool) {
    for r in requests {
        let done = match r.effect {
            Effect::SaveDraft(d) if full => Done::DraftFailed(d, "the disk is full".into()),
            Effect::SaveDraft(d) => Done::DraftSaved(d),
            Effect::DiscardDraft => Done::DraftDiscarded,
            Effect::SaveCheckIn(d) => Done::CheckInSaved(Box::new(d.finish(d.started_at))),
            Effect::WriteText(path, _) => Done::TextWritten(path),
            Effect::SaveEntry(e) => Done::EntrySaved(e),
            Effect::WriteReport {
                dir,
                stem,
                extension,
                ..
            } => Done::ReportWritten(dir.unwrap_or_default().join(format!("{stem}.{extension}"))),
            _ => continue,
        };
        let more = app.done(r.from, done);
        settle_with(app, more, full);
    }
    app.after_effects();
}

/// Hands `app` a journal of `entries` as read (no figures counted but the two given).
pub fn load(
    app: &mut App,
    entries: Vec<crate::journal::Entry>,
    checked_in_today: bool,
    streak: u32,
) {
    app.loaded(Summary::from(Journal {
        entries: Arc::new(entries),
        checked_in_today,
        streak,
        ..Journal::default()
    }));
}

/// Hands `app` the journal of `entries` as the store reads it: its figures counted on the
/// app's day, no file with problems.
pub fn read_journal(app: &mut App, entries: Vec<crate::journal::Entry>) {
    let today = app.session.today;
    app.loaded(Summary::of(Arc::new(entries), today, 0));
}

/// An app on home whose journal of `entries` is read (checked in today, no streak), with
/// `action` taken there (opening review or insights, say).
pub fn app_opened(entries: Vec<crate::journal::Entry>, action: Action) -> App {
    let mut app = app_at_home();
    load(&mut app, entries, true, 0);
    app.update(Msg::Key(action));
    app
}

/// What `app` draws at `width`×`height`, as text, holding every one of `texts` (the test fails
/// naming the one missing).
pub fn drawn_with(app: &mut App, width: u16, height: u16, texts: &[&str]) -> String {
    let text = draw(app, width, height).backend().to_string();
    for t in texts {
        assert!(text.contains(t), "{t:?} is not drawn (or cut off):\n{text}");
    }
    text
}

/// No line of `lines` (a screen drawn `width` wide) ends with a chip's box parted from its
/// label, or starts with the end of one.
pub fn assert_boxes_keep_their_labels(lines: &[String], width: u16) {
    for l in lines {
        let t = l.trim_end();
        assert!(
            !t.ends_with("[ ]") && !t.ends_with("[x]") && !t.ends_with('['),
            "a box parted from its label at {width}: {lines:#?}"
        );
        assert!(!t.trim_start().starts_with(']'), "{width}: {lines:#?}");
    }
}

/// Draws `app` at `width`×`height`.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.view(f)).unwrap();
    terminal
}

/// A key press as the terminal sends it: "a", "Enter", "Esc", "Tab", "BackTab", "Up", "Down",
/// "PgUp", "PgDn", "Home", "End", "Backspace", "F1", "Ctrl-s".
pub fn key(name: &str) -> KeyEvent {
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        "F1" => KeyCode::F(1),
        "Space" => KeyCode::Char(' '),
        ctrl if ctrl.starts_with("Ctrl-") => {
            let c = ctrl.chars().last().unwrap();
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("no key called {other}"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses keys (names as in [`key`], separated by spaces) as the app would get them: through
/// the key tables in force, or typed into a text field. Returns the work asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Request> {
    let mut out = Vec::new();
    for name in keys.split(' ').filter(|k| !k.is_empty()) {
        if let Some(msg) = app.message_for(&key(name)) {
            out.extend(app.update(msg));
        }
    }
    out
}

/// Moves insights (on its first view) to `tab`, with Tab.
pub fn to_view(app: &mut App, tab: crate::tui::screens::insights::Tab) {
    let tabs = crate::tui::screens::insights::Tab::ALL;
    for _ in 0..tabs.iter().position(|t| *t == tab).unwrap_or(0) {
        app.update(crate::tui::screen::Msg::Key(Action::Next));
    }
}

/// Presses the first key bound to `action` in the keys in force (fails if none is).
pub fn act(app: &mut App, action: Action) -> Vec<Request> {
    let keys = app.keys();
    let binding = keys
        .iter()
        .find(|b| b.action == action)
        .unwrap_or_else(|| panic!("no key for {action:?} in {:?}", app.top()));
    let event = binding.keys[0].event();
    let msg = app.message_for(&event).unwrap();
    assert_eq!(msg, Msg::Key(action));
    app.update(msg)
}

/// Types `text` key by key, as into a text field.
pub fn typed(app: &mut App, text: &str) -> Vec<Request> {
    let mut out = Vec::new();
    for c in text.chars() {
        let msg = app
            .message_for(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .unwrap();
        out.extend(app.update(msg));
    }
    out
}

/// Twelve plain entries on the days before the fixture date, oldest first (as read).
pub fn twelve_entries() -> Vec<crate::journal::Entry> {
    (1..=12)
        .rev()
        .map(|i| {
            let at = chrono::DateTime::parse_from_rfc3339(&format!(
                "2026-11-{:02}T20:00:00+01:00",
                22 - i
            ))
            .unwrap();
            crate::journal::Entry::new(crate::journal::EntryId::generate(at, i), at)
        })
        .collect()
}

/// A stream of numbers the same every run from `seed` (a linear congruential generator): each
/// call gives one below `n`.
fn random_stream(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    }
}

/// A year of check-ins up to the fixture date, the same every run: most days, sometimes two,
/// with moods, triggers, strategies, feelings and signs.
pub fn generated_year() -> Vec<crate::journal::Entry> {
    use crate::journal::{
        Closeness, Entry, EntryId, Helpfulness, Intensity, Mood, Name, StrategyUse, TriggerLog,
        TriggerRef,
    };
    let mut next = random_stream(0x5eed);
    let triggers = [
        "anxiety",
        "external-stressors",
        "unmet-needs",
        "past-hurt",
        "fear-of-intimacy",
    ];
    let strategies = ["active-listening", "self-compassion", "take-it-slow"];
    let feelings = ["lonely", "hopeful", "tired", "anxious", "calm", "close"];
    let signs = ["terse-talk", "more-distance", "going-quiet"];
    let mut out = Vec::new();
    for back in (0..365u64).rev() {
        let date = day() - chrono::Days::new(back);
        if next(10) < 2 {
            continue; // a day without a check-in
        }
        for k in 0..(1 + next(2)) {
            let at = chrono::DateTime::parse_from_rfc3339(&format!(
                "{date}T{:02}:15:00+01:00",
                8 + k * 11
            ))
            .unwrap();
            let mut e = Entry::new(
                EntryId::generate(at, u32::try_from(back * 2 + k).unwrap()),
                at,
            );
            let stressed = next(3) == 0;
            let mood = if stressed { 1 + next(3) } else { 2 + next(4) };
            e.mood = Mood::try_from(u8::try_from(mood).unwrap()).ok();
            e.closeness = Closeness::try_from(u8::try_from(1 + next(5)).unwrap()).ok();
            if stressed {
                let t = triggers[usize::try_from(next(5)).unwrap()];
                e.triggers.push(TriggerLog {
                    trigger: TriggerRef::Id(Name::try_from(t).unwrap()),
                    intensity: Intensity::try_from(u8::try_from(2 + next(4)).unwrap()).ok(),
                    note: String::new(),
                    extra: Default::default(),
                });
            }
            let s = strategies[usize::try_from(next(3)).unwrap()];
            let tried = next(2) == 0;
            e.strategies.push(StrategyUse {
                id: Name::try_from(s).unwrap(),
                planned: !tried,
                tried: tried.then_some(true),
                helpfulness: if tried {
                    Helpfulness::try_from(u8::try_from(2 + next(4)).unwrap()).ok()
                } else {
                    None
                },
                extra: Default::default(),
            });
            e.emotions
                .push(feelings[usize::try_from(next(6)).unwrap()].into());
            e.behaviours
                .push(Name::try_from(signs[usize::try_from(next(3)).unwrap()]).unwrap());
            out.push(e);
        }
    }
    add_moments(&mut out);
    out
}

/// Moments traced on most days with a trigger, and a prediction every few days, answered
/// when its day is past: from a random stream of their own, so the rest of the year is as
/// it was before they existed.
fn add_moments(entries: &mut [crate::journal::Entry]) {
    use crate::journal::{
        Badness, Ending, Episode, Likelihood, Prediction, PredictionOutcome, PredictionResult,
        Repair,
    };
    let mut next = random_stream(0x00e9_150d);
    let urges = ["go-quiet", "pull-away", "get-busy", "seek-reassurance"];
    let today = day();
    for (i, e) in entries.iter_mut().enumerate() {
        if let Some(t) = e.triggers.first().map(|t| t.trigger.clone())
            && next(4) != 0
        {
            let repaired = next(2) == 0;
            e.episodes.push(Episode {
                what: "A moment that stung".into(),
                triggers: vec![t],
                urges: vec![urges[usize::try_from(next(4)).unwrap()].into()],
                did: Vec::new(),
                next: String::new(),
                repair: if repaired {
                    Some(Repair::Own("I said what I felt".into()))
                } else {
                    Some(Repair::NotYet)
                },
                ended: Some(match (repaired, next(3)) {
                    (true, 0 | 1) | (false, 0) => Ending::Closer,
                    (_, 2) => Ending::FurtherApart,
                    _ => Ending::Same,
                }),
                extra: Default::default(),
            });
        }
        if i % 5 == 0 {
            let look_back = e.date + chrono::Days::new(1 + next(7));
            let outcome = (look_back <= today).then(|| PredictionOutcome {
                on: look_back,
                result: [
                    PredictionResult::Yes,
                    PredictionResult::Partly,
                    PredictionResult::No,
                    PredictionResult::No,
                ][usize::try_from(next(4)).unwrap()],
                badness: Badness::try_from(u8::try_from(1 + next(3)).unwrap()).ok(),
                instead: String::new(),
                extra: Default::default(),
            });
            e.predictions.push(Prediction {
                step: None,
                fear: "They will pull further away".into(),
                likelihood: Likelihood::try_from(i64::try_from(10 * (3 + next(7))).unwrap()).ok(),
                badness: Badness::try_from(u8::try_from(3 + next(3)).unwrap()).ok(),
                look_back,
                outcome,
                extra: Default::default(),
            });
        }
    }
}

/// What a screen's `update` is given in a unit test: a session, and the layout its last frame
/// left (`height` rows of 60 columns).
pub struct Bench {
    /// The session.
    pub session: Session,
    /// The last frame's layout.
    pub layout: super::screen::LastLayout,
}

impl Bench {
    /// A bench for `session`, its last frame `height` rows high.
    pub fn new(session: Session, height: u16) -> Bench {
        Bench {
            session,
            layout: super::screen::LastLayout {
                height,
                width: 60,
                ..super::screen::LastLayout::default()
            },
        }
    }

    /// The context an update is given.
    pub fn ctx(&self) -> super::screen::Ctx<'_> {
        super::screen::Ctx {
            session: &self.session,
            layout: &self.layout,
        }
    }

    /// Presses the first key bound to `a` in `keys`, through the translation the app uses,
    /// on a screen whose update is `update`.
    pub fn press<T>(
        &self,
        keys: &[super::keys::Binding],
        a: Action,
        update: impl FnOnce(Msg, &super::screen::Ctx) -> T,
    ) -> T {
        let table = super::keys::compose(keys, true);
        let binding = table
            .iter()
            .find(|b| b.action == a)
            .unwrap_or_else(|| panic!("no key for {a:?} in {keys:?}"));
        assert_eq!(
            super::keys::translate(&table, &binding.keys[0].event()),
            Some(a)
        );
        update(Msg::Key(a), &self.ctx())
    }
}
