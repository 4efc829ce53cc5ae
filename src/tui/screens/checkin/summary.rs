//! Step 8: the whole check-in as it will be saved, to read over before saving.

use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::content::Catalog;
use crate::journal::draft::{CheckInDraft, Flow};
use crate::journal::{Entry, MoodLabels};
use crate::tui::keys::{self, Action, Binding, HELP_KEY, bind};
use crate::tui::screen::Cmd;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::entry_view;
use crate::tui::widgets::wrap;

pub(super) use super::steps::no_text::{edited, flush, input, paste, typing};
use super::{Canvas, Cx, LEAVE, PREV, StepView};

const TOP: Binding = bind!(['g'] => Top, _, "to the top");
const BOTTOM: Binding = bind!(['G'] => Bottom, _, "to the bottom");

/// The step's keys, with `save` for Enter and Ctrl-S.
const fn summary_keys(save: Binding) -> [Binding; 10] {
    keys::join(&[
        &[save, PREV, LEAVE],
        &keys::up_down("scroll up", "scroll down"),
        &[
            keys::PAGE_UP_BINDING,
            keys::PAGE_DOWN_BINDING,
            TOP,
            BOTTOM,
            HELP_KEY,
        ],
    ])
}

/// The step's keys.
pub const KEYS: &[Binding] =
    &summary_keys(bind!([Enter, Ctrl 's'] => Save, "save", "save the check-in"));

/// The step's keys when the check-in traced a moment: also the way to see the cycle.
pub const MOMENT_KEYS: &[Binding] = &keys::join::<11>(&[
    &summary_keys(bind!([Enter, Ctrl 's'] => Save, "save", "save the check-in")),
    &[bind!(['y'] => OpenCycle, "your cycle",
        "see your cycle, drawn from your moments (the check-in waits)")],
]);

/// The step's keys with nothing to save yet: Enter and Ctrl-S only say so, and the footer
/// does not offer to save.
pub const EMPTY_KEYS: &[Binding] = &summary_keys(bind!([Enter, Ctrl 's'] => Save, _,
    "save the check-in (once something is in it)"));

/// The step's state.
#[derive(Debug, Clone, Default)]
pub(super) struct State {
    /// How far the summary is scrolled.
    scroll: u16,
}

/// The step's state as the check-in opens.
pub(super) fn new(_draft: &CheckInDraft, _session: &Session) -> State {
    State::default()
}

/// The step is entered: at the top.
pub(super) fn enter(s: &mut State, _back: bool, _cx: &mut Cx) {
    s.scroll = 0;
}

/// The summary keeps no place in the draft.
pub(super) fn place(_s: &State) -> usize {
    0
}

/// The summary keeps no place in the draft.
pub(super) fn resume(_s: &mut State, _at: usize, _cx: &mut Cx) {}

/// The keys in force: with nothing to save yet, saving is not offered.
pub(super) fn keys(_s: &State, draft: &CheckInDraft) -> &'static [Binding] {
    if draft.is_empty() {
        EMPTY_KEYS
    } else if traced(draft) {
        MOMENT_KEYS
    } else {
        KEYS
    }
}

/// Whether the daily check-in traced a moment (its summary then links to the cycle).
fn traced(draft: &CheckInDraft) -> bool {
    draft.flow == Flow::CheckIn && draft.episodes.iter().any(|e| !e.is_empty())
}

/// Scrolls within what the last frame laid out: never past the last line.
pub(super) fn update(s: &mut State, action: Action, cx: &mut Cx) -> Option<Cmd> {
    if action == Action::OpenCycle && traced(cx.draft) {
        return Some(Cmd::Open(crate::tui::screen::Open::Cycle));
    }
    action.scrolls().then(|| {
        s.scroll = cx.layout.scrolled(s.scroll, action);
        Cmd::None
    })
}

/// Draws the step, recording how many lines the summary wraps to.
pub(super) fn view(state: &State, v: &StepView, c: Canvas) {
    let Canvas(frame, area, layout) = c;
    let labels = v.session.prefs.mood_labels;
    let lines = summary_lines(
        v.draft,
        &v.session.catalog,
        v.theme,
        labels,
        usize::from(area.width),
    );
    let lines = wrap::lines(lines, usize::from(area.width));
    layout.record(area, lines.len());
    let text = Paragraph::new(lines);
    frame.render_widget(
        text.scroll((state.scroll.min(layout.max_scroll()), 0)),
        area,
    );
}

/// The whole check-in as lines, for the summary step. A debrief or a thought check on its own
/// shows only what it adds, under where it is kept (today's entry, or a new one).
pub fn summary_lines(
    d: &CheckInDraft,
    catalog: &Catalog,
    theme: &Theme,
    labels: MoodLabels,
    width: usize,
) -> Vec<Line<'static>> {
    let entry = d.finish(d.started_at);
    let (shown, empty, what) = match d.flow {
        Flow::CheckIn => (entry, entry_view::Empty::Dashed, "this check-in"),
        flow => {
            let mut only = Entry::new(entry.id.clone(), entry.created_at);
            only.date = entry.date;
            let what = match flow {
                Flow::Debrief => {
                    only.debriefs = entry.debriefs;
                    "this debrief"
                }
                Flow::Cycle => {
                    only.cycle_words = entry.cycle_words;
                    "your cycle"
                }
                Flow::Ladder => {
                    only.ladders = entry.ladders;
                    "this ladder"
                }
                Flow::Bid => {
                    only.bids = entry.bids;
                    "this bid"
                }
                Flow::TimeOut => {
                    only.time_outs = entry.time_outs;
                    "this break"
                }
                Flow::Week => {
                    only.week_reviews = entry.week_reviews;
                    "this week's review"
                }
                Flow::BraveStep => {
                    only.predictions = entry.predictions.into_iter().rev().take(1).collect();
                    "this step's prediction"
                }
                Flow::Thought | Flow::CheckIn => {
                    only.thoughts = entry.thoughts;
                    "this thought check"
                }
            };
            (only, entry_view::Empty::Hidden, what)
        }
    };
    let mut lines = Vec::new();
    if d.flow != Flow::CheckIn {
        let whither = if d.is_edit() {
            format!(
                "Kept with the entry of today, {}.",
                d.created_at.format("%H:%M")
            )
        } else {
            "Kept as a new entry for today.".to_owned()
        };
        lines.push(Line::styled(whither, theme.muted));
        lines.push(Line::default());
    }
    // A debrief or thought check with nothing in it yet says so once, in the hint below.
    if d.flow == Flow::CheckIn || !d.is_empty() {
        lines.extend(entry_view::lines(
            &shown, catalog, theme, labels, empty, width,
        ));
        lines.push(Line::default());
    }
    if traced(d) {
        lines.push(Line::styled(
            "y shows your cycle, drawn from the moments you traced; the check-in waits here.",
            theme.muted,
        ));
    }
    // Say what is true: an empty check-in is not saved.
    let hint = if d.is_empty() && d.flow == Flow::CheckIn {
        "Nothing to save yet: Shift-Tab goes back to pick a mood or write something.".to_owned()
    } else if d.is_empty() {
        "Nothing to save yet: Shift-Tab goes back to write something.".to_owned()
    } else {
        format!("Enter or Ctrl-S saves {what}. Shift-Tab goes back to change something.")
    };
    lines.push(Line::styled(hint, theme.muted));
    lines
}
