//! The daily check-in: one step a screen, every step skippable, from mood to a saved entry.
//!
//! The draft (`journal::draft::CheckInDraft`) is the single source of truth; the lists and text
//! areas here are views onto it, and every change is copied into it at once, so whatever is
//! written to the draft file is exactly what the person sees.

mod view;

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, DataCursor, Input, Key as TextKey, TextArea, WrapMode};

use crate::content::{Catalog, TriggerGroup, fits};
use crate::journal::draft::{CheckInDraft, FollowUp, Step, answer_follow_up, pending_follow_ups};
use crate::journal::vocabulary::EMOTIONS;
use crate::journal::{
    Closeness, Entry, Helpfulness, Intensity, Mood, Name, Preferences, Response, StrategyUse,
    TriggerLog, TriggerRef,
};
use crate::tui::keymap::Action;
use crate::tui::widgets::pick_list::{Current, PickList, Row};

pub use view::{dialog, summary_lines, view};

/// How many prompts the Reflect step offers at most.
pub const MAX_PROMPTS: usize = 3;
/// How many strategies the strategy step suggests at most.
pub const MAX_SUGGESTIONS: usize = 3;
/// Key prefix of custom trigger rows.
const CUSTOM: &str = "custom:";
/// The group custom triggers are listed under.
pub const OWN_GROUP: &str = "Your own";

/// What the check-in needs to know of the rest of the app.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// All content.
    pub catalog: &'a Catalog,
    /// The person's choices (custom triggers, favourites).
    pub prefs: &'a Preferences,
    /// The journal's entries (for follow-ups and recent answers).
    pub entries: &'a [Entry],
    /// The local date.
    pub today: NaiveDate,
}

/// A question the check-in is asking over its step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// "Leave the check-in?"
    Leave,
    /// "Discard it for good?"
    ConfirmDiscard,
}

/// Which text an `$EDITOR` run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorTarget {
    /// The answer to prompt N of the Reflect step.
    Answer(usize),
    /// The notes.
    Notes,
}

/// What an update asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing more.
    Stay,
    /// Write the draft now (a step changed).
    SaveDraft,
    /// Save the entry.
    Finish,
    /// Leave, keeping the draft for later.
    Leave,
    /// Leave and throw the draft away.
    Discard,
    /// Open this text in `$EDITOR`.
    Editor(EditorTarget, String),
    /// Tell the person something.
    Notice(String),
    /// Open a trigger's page (`Some(trigger id)`) or a strategy's page, in the guide.
    LearnTrigger(String),
    /// Open a strategy's page in the guide.
    LearnStrategy(String),
}

/// The check-in's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The check-in so far.
    pub draft: CheckInDraft,
    /// The focused row: the scale (0 mood, 1 closeness), a strategy row, or notes (0) / tags (1).
    pub focus: usize,
    /// Emotion words.
    pub emotions: PickList,
    /// Triggers.
    pub triggers: PickList,
    /// Signs and behaviours.
    pub reactions: PickList,
    /// Which prompt of the Reflect step is shown.
    pub prompt_index: usize,
    /// One text area per prompt, in step with `draft.responses`.
    pub answers: Vec<TextArea<'static>>,
    /// Prompt ids offered so far (so "another question" does not repeat itself).
    pub offered: Vec<String>,
    /// Strategy ids suggested.
    pub suggestions: Vec<String>,
    /// Earlier plans to follow up.
    pub follow_ups: Vec<FollowUp>,
    /// The notes.
    pub notes: TextArea<'static>,
    /// The tags, comma-separated.
    pub tags: TextArea<'static>,
    /// A trigger note being written: (trigger key, text, the note before, for Esc).
    pub note: Option<(String, TextArea<'static>, String)>,
    /// How far the summary is scrolled.
    pub scroll: u16,
    /// An open question.
    pub dialog: Option<Dialog>,
    /// Typed since the draft was last written.
    pub dirty: bool,
    /// The text areas hold text the draft does not have yet (see [`State::flush`]).
    stale: bool,
}

fn text_area(text: &str, placeholder: &str) -> TextArea<'static> {
    text_area_of(text.split('\n').map(str::to_owned).collect(), placeholder)
}

fn text_area_of(lines: Vec<String>, placeholder: &str) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_placeholder_text(placeholder.to_owned());
    area.set_cursor_line_style(ratatui::style::Style::new());
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// Puts `text` in at the cursor, leaving the cursor after it. Text of several lines rebuilds
/// the area once: the text area measures all of its text again after each line it puts in,
/// which made a long paste take minutes.
fn paste_into(area: &mut TextArea<'static>, text: &str) {
    if !text.contains('\n') {
        area.insert_str(text);
        return;
    }
    let DataCursor(row, col) = area.cursor();
    let placeholder = area.placeholder_text().to_owned();
    let mut lines = std::mem::take(area).into_lines();
    let line = lines.get(row).map(String::as_str).unwrap_or_default();
    let at = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let tail = line[at..].to_owned();
    let mut pieces = text.split('\n');
    let mut current = line[..at].to_owned();
    current.push_str(pieces.next().unwrap_or_default());
    let mut new_lines = vec![current];
    new_lines.extend(pieces.map(str::to_owned));
    let end_row = row + new_lines.len() - 1;
    let end_col = new_lines.last().map_or(0, |l| l.chars().count());
    if let Some(last) = new_lines.last_mut() {
        last.push_str(&tail);
    }
    let row = row.min(lines.len().saturating_sub(1));
    lines.splice(row..(row + 1).min(lines.len()), new_lines);
    let total = lines.len();
    let mut rebuilt = text_area_of(lines, &placeholder);
    match (u16::try_from(end_row), u16::try_from(end_col)) {
        (Ok(r), Ok(c)) => rebuilt.move_cursor(CursorMove::Jump(r, c)),
        // Past what a jump can reach: walk up from the bottom.
        _ => {
            rebuilt.move_cursor(CursorMove::Bottom);
            for _ in end_row..total - 1 {
                rebuilt.move_cursor(CursorMove::Up);
            }
            rebuilt.move_cursor(CursorMove::Head);
            for _ in 0..end_col {
                rebuilt.move_cursor(CursorMove::Forward);
            }
        }
    }
    *area = rebuilt;
}

fn area_text(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// Line breaks as `\n`, whatever the pasting terminal sent.
fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn custom_key(name: &str) -> String {
    format!("{CUSTOM}{name}")
}

fn trigger_key(t: &TriggerRef) -> String {
    match t {
        TriggerRef::Id(id) => id.to_string(),
        TriggerRef::Custom(name) => custom_key(name.as_str()),
    }
}

fn trigger_ref(key: &str) -> Option<TriggerRef> {
    let name = Name::try_from(key.strip_prefix(CUSTOM).unwrap_or(key)).ok()?;
    Some(if key.starts_with(CUSTOM) {
        TriggerRef::Custom(name)
    } else {
        TriggerRef::Id(name)
    })
}

impl State {
    /// The check-in for `draft` (new, resumed or editing an entry).
    pub fn new(draft: CheckInDraft, ctx: Ctx<'_>) -> State {
        let perspective = draft.perspective;
        let mut emotion_rows: Vec<Row> = EMOTIONS.iter().map(|w| Row::plain(*w, *w)).collect();
        for e in &draft.emotions {
            if !emotion_rows.iter().any(|r| &r.key == e) {
                emotion_rows.push(Row::plain(e.clone(), e.clone()));
            }
        }
        let mut trigger_rows = Vec::new();
        for group in TriggerGroup::ALL {
            for t in ctx.catalog.triggers_in(*group, perspective) {
                trigger_rows.push(Row {
                    key: t.id.clone(),
                    label: t.name.clone(),
                    detail: t.summary.clone(),
                    group: Some(group.label().to_owned()),
                });
            }
        }
        let drafted = draft.triggers.iter().filter_map(|t| match &t.trigger {
            TriggerRef::Custom(n) => Some(n.to_string()),
            TriggerRef::Id(_) => None,
        });
        let mut own: Vec<String> = ctx.prefs.custom_triggers.clone();
        for name in drafted {
            if !own.contains(&name) {
                own.push(name);
            }
        }
        for name in own {
            trigger_rows.push(Row {
                key: custom_key(&name),
                label: name,
                detail: String::new(),
                group: Some(OWN_GROUP.to_owned()),
            });
        }
        let reaction_rows = ctx
            .catalog
            .signs_for(perspective)
            .into_iter()
            .map(|s| Row::plain(s.id.clone(), s.label.clone()))
            .collect();
        let follow_ups =
            pending_follow_ups(ctx.entries, ctx.today, draft.is_edit().then_some(&draft.id))
                .into_iter()
                .filter(|f| ctx.catalog.strategy(f.strategy.as_str()).is_some())
                .collect();
        let answers = draft
            .responses
            .iter()
            .map(|r| text_area(&r.answer, "Write as much or as little as you like…"))
            .collect();
        let mut state = State {
            notes: text_area(&draft.notes, "Anything else you want to keep from today…"),
            tags: text_area(&draft.tags.join(", "), "e.g. work, weekend"),
            draft,
            focus: 0,
            emotions: PickList::new(emotion_rows, true),
            triggers: PickList::new(trigger_rows, true),
            reactions: PickList::new(reaction_rows, false),
            prompt_index: 0,
            answers,
            offered: Vec::new(),
            suggestions: Vec::new(),
            follow_ups,
            note: None,
            scroll: 0,
            dialog: None,
            dirty: false,
            stale: false,
        };
        state.enter(state.draft.step, ctx);
        state
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.draft.step
    }

    /// Whether typed characters go to a text field on this step.
    pub fn wants_text(&self) -> bool {
        self.dialog.is_none()
            && (self.note.is_some()
                || matches!(
                    self.draft.step,
                    Step::Emotions | Step::Triggers | Step::Reactions | Step::Reflect | Step::Notes
                ))
    }

    /// The list of this step, if it has one.
    fn list_mut(&mut self) -> Option<&mut PickList> {
        match self.draft.step {
            Step::Emotions => Some(&mut self.emotions),
            Step::Triggers => Some(&mut self.triggers),
            Step::Reactions => Some(&mut self.reactions),
            _ => None,
        }
    }

    /// Enter with something typed: picks (or unpicks) the highlighted row, or adds the typed
    /// name; then clears the filter and keeps the cursor on that row.
    fn pick_typed(&mut self, page: usize) {
        let key = match self.draft.step {
            Step::Emotions => match self.emotions.current() {
                Some(Current::Row(i)) => Some(self.emotions.rows[i].key.clone()),
                Some(Current::Add(word)) => Some(word),
                None => None,
            },
            Step::Triggers => self.current_trigger_key(),
            Step::Reactions => match self.reactions.current() {
                Some(Current::Row(i)) => Some(self.reactions.rows[i].key.clone()),
                _ => None,
            },
            _ => None,
        };
        let Some(key) = key else {
            return;
        };
        self.list_action(Action::Toggle, page);
        if let Some(list) = self.list_mut() {
            list.select_key(&key);
        }
    }

    /// Prepares a step when it is entered.
    fn enter(&mut self, step: Step, ctx: Ctx<'_>) {
        self.draft.step = step;
        self.focus = 0;
        self.scroll = 0;
        match step {
            Step::Reflect => self.choose_prompts(ctx),
            Step::Strategies => self.choose_strategies(ctx),
            _ => {}
        }
    }

    fn logged_trigger_ids(&self) -> Vec<String> {
        let mut logged: Vec<&TriggerLog> = self.draft.triggers.iter().collect();
        // Strongest first, so they get the first prompts and strategies.
        logged.sort_by_key(|t| std::cmp::Reverse(t.intensity));
        logged
            .into_iter()
            .filter_map(|t| match &t.trigger {
                TriggerRef::Id(id) => Some(id.to_string()),
                TriggerRef::Custom(_) => None,
            })
            .collect()
    }

    /// Picks the Reflect step's prompts: for the logged triggers, or the prompt of the day.
    /// Answered prompts always stay; unanswered ones follow the triggers.
    fn choose_prompts(&mut self, ctx: Ctx<'_>) {
        let perspective = self.draft.perspective;
        let ids = self.logged_trigger_ids();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut wanted: Vec<&crate::content::Prompt> =
            ctx.catalog
                .prompts_for_triggers(&refs, perspective, MAX_PROMPTS);
        if wanted.is_empty()
            && let Some(p) = ctx
                .catalog
                .prompt_of_the_day(ctx.today, perspective, ctx.entries)
        {
            wanted.push(p);
        }
        let mut kept: Vec<(Response, TextArea<'static>)> = Vec::new();
        for (r, a) in self.draft.responses.drain(..).zip(self.answers.drain(..)) {
            let answered = !r.answer.trim().is_empty();
            let still_wanted = r
                .prompt_id
                .as_ref()
                .is_some_and(|id| wanted.iter().any(|w| w.id == id.as_str()));
            if answered || still_wanted || r.prompt_id.is_none() {
                kept.push((r, a));
            }
        }
        for p in wanted {
            if kept.len() >= MAX_PROMPTS {
                break;
            }
            let present = kept
                .iter()
                .any(|(r, _)| r.prompt_id.as_ref().is_some_and(|id| id.as_str() == p.id));
            if !present {
                kept.push((
                    response_for(p),
                    text_area("", "Write as much or as little as you like…"),
                ));
            }
        }
        for (r, _) in &kept {
            if let Some(id) = &r.prompt_id
                && !self.offered.iter().any(|o| o == id.as_str())
            {
                self.offered.push(id.to_string());
            }
        }
        let (responses, answers) = kept.into_iter().unzip();
        self.draft.responses = responses;
        self.answers = answers;
        self.prompt_index = self.prompt_index.min(self.answers.len().saturating_sub(1));
    }

    /// Swaps the shown prompt for another that fits (only while it is unanswered).
    fn swap_prompt(&mut self, ctx: Ctx<'_>) -> Outcome {
        let i = self.prompt_index;
        let Some(current) = self.draft.responses.get(i) else {
            return Outcome::Stay;
        };
        if !current.answer.trim().is_empty() {
            return Outcome::Notice(
                "This question has an answer. Clear it first to ask another one.".into(),
            );
        }
        let perspective = self.draft.perspective;
        let ids = self.logged_trigger_ids();
        let shown: Vec<String> = self
            .draft
            .responses
            .iter()
            .filter_map(|r| r.prompt_id.as_ref().map(ToString::to_string))
            .collect();
        let mut candidates: Vec<&crate::content::Prompt> = ids
            .iter()
            .flat_map(|t| ctx.catalog.prompts_for_trigger(t, perspective))
            .collect();
        candidates.extend(
            ctx.catalog
                .prompts
                .iter()
                .filter(|p| p.triggers.is_empty() && fits(&p.perspectives, perspective)),
        );
        candidates.retain(|p| !shown.contains(&p.id));
        let mut fresh: Vec<&crate::content::Prompt> = candidates
            .iter()
            .copied()
            .filter(|p| !self.offered.contains(&p.id))
            .collect();
        if fresh.is_empty() {
            // Every fitting question was offered: start the round again.
            self.offered.retain(|o| shown.contains(o));
            fresh = candidates;
        }
        let Some(next) = fresh.first() else {
            return Outcome::Notice("There is no other question for this check-in.".into());
        };
        self.offered.push(next.id.clone());
        self.draft.responses[i] = response_for(next);
        self.answers[i] = text_area("", "Write as much or as little as you like…");
        self.dirty = true;
        Outcome::Stay
    }

    /// Suggests strategies for the logged triggers (favourites first), keeping any already
    /// planned in this draft.
    fn choose_strategies(&mut self, ctx: Ctx<'_>) {
        let perspective = self.draft.perspective;
        let mut ids: Vec<String> = self
            .draft
            .strategies
            .iter()
            .filter(|s| s.planned)
            .map(|s| s.id.to_string())
            .collect();
        let mut pool: Vec<&crate::content::Strategy> = Vec::new();
        let lists: Vec<Vec<&crate::content::Strategy>> = self
            .logged_trigger_ids()
            .iter()
            .map(|t| ctx.catalog.strategies_for_trigger(t, perspective))
            .collect();
        let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
        for round in 0..longest {
            for list in &lists {
                if let Some(s) = list.get(round) {
                    pool.push(s);
                }
            }
        }
        if pool.is_empty() {
            let all = ctx.catalog.strategies_for(perspective);
            if !all.is_empty() {
                let start = usize::try_from(chrono::Datelike::num_days_from_ce(&ctx.today))
                    .unwrap_or(0)
                    % all.len();
                pool.extend(all.iter().cycle().skip(start).take(all.len()));
            }
        }
        // Favourites among the fitting ones come first.
        pool.sort_by_key(|s| !ctx.prefs.favourites.contains(&s.id));
        // What the person planned for this check-in (from the library) comes before all.
        for id in &ctx.prefs.planned_next {
            if ctx.catalog.strategy(id).is_some()
                && !ids.contains(id)
                && !self.follow_ups.iter().any(|f| f.strategy.as_str() == id)
            {
                ids.push(id.clone());
            }
        }
        for s in pool {
            if ids.len() >= MAX_SUGGESTIONS {
                break;
            }
            if !ids.contains(&s.id) && !self.follow_ups.iter().any(|f| f.strategy.as_str() == s.id)
            {
                ids.push(s.id.clone());
            }
        }
        self.suggestions = ids;
    }

    /// Notes that the text areas changed; their text reaches the draft at the next
    /// [`State::flush`] (copying a long answer on every key would make typing into it slow).
    fn sync_text(&mut self) {
        self.stale = true;
        self.dirty = true;
    }

    /// Copies what the text areas hold into the draft, if they changed since the last time.
    /// Done before any command, at every pause, and after every burst of keys.
    pub fn flush(&mut self) {
        if !self.stale {
            return;
        }
        self.stale = false;
        let step = self.draft.step;
        if step == Step::Reflect
            && let (Some(r), Some(a)) = (
                self.draft.responses.get_mut(self.prompt_index),
                self.answers.get(self.prompt_index),
            )
        {
            r.answer = area_text(a);
        }
        if step == Step::Notes {
            self.draft.notes = area_text(&self.notes);
            self.draft.tags = parse_tags(&area_text(&self.tags));
        }
        self.dirty = true;
    }

    fn go(&mut self, to: Option<Step>, ctx: Ctx<'_>) -> Outcome {
        match to {
            Some(step) => {
                self.enter(step, ctx);
                self.dirty = false;
                Outcome::SaveDraft
            }
            None => Outcome::Stay,
        }
    }

    fn next(&mut self, ctx: Ctx<'_>) -> Outcome {
        match self.draft.step {
            Step::Reflect if self.prompt_index + 1 < self.answers.len() => {
                self.prompt_index += 1;
                self.dirty = false;
                Outcome::SaveDraft
            }
            Step::Notes if self.focus == 0 => {
                self.focus = 1;
                Outcome::Stay
            }
            Step::Summary => Outcome::Finish,
            step => {
                let out = self.go(step.next(), ctx);
                if self.draft.step == Step::Reflect {
                    self.prompt_index = 0;
                }
                out
            }
        }
    }

    fn prev(&mut self, ctx: Ctx<'_>) -> Outcome {
        match self.draft.step {
            Step::Reflect if self.prompt_index > 0 => {
                self.prompt_index -= 1;
                self.dirty = false;
                Outcome::SaveDraft
            }
            Step::Notes if self.focus == 1 => {
                self.focus = 0;
                Outcome::Stay
            }
            step => {
                let out = self.go(step.prev(), ctx);
                if self.draft.step == Step::Reflect {
                    self.prompt_index = self.answers.len().saturating_sub(1);
                }
                if self.draft.step == Step::Notes {
                    self.focus = 1;
                }
                out
            }
        }
    }

    fn toggle_emotion(&mut self) {
        match self.emotions.current() {
            Some(Current::Row(i)) => {
                let word = self.emotions.rows[i].key.clone();
                match self.draft.emotions.iter().position(|e| *e == word) {
                    Some(pos) => {
                        self.draft.emotions.remove(pos);
                    }
                    None => self.draft.emotions.push(word),
                }
            }
            Some(Current::Add(word)) => {
                self.emotions
                    .rows
                    .push(Row::plain(word.clone(), word.clone()));
                self.draft.emotions.push(word.clone());
                self.emotions.select_key(&word);
            }
            None => return,
        }
        self.dirty = true;
    }

    fn current_trigger_key(&mut self) -> Option<String> {
        match self.triggers.current()? {
            Current::Row(i) => Some(self.triggers.rows[i].key.clone()),
            Current::Add(name) => {
                let key = custom_key(&name);
                if !self.triggers.rows.iter().any(|r| r.key == key) {
                    self.triggers.rows.push(Row {
                        key: key.clone(),
                        label: name,
                        detail: String::new(),
                        group: Some(OWN_GROUP.to_owned()),
                    });
                }
                self.triggers.select_key(&key);
                Some(key)
            }
        }
    }

    fn trigger_log(&mut self, key: &str) -> Option<&mut TriggerLog> {
        self.draft
            .triggers
            .iter_mut()
            .find(|t| trigger_key(&t.trigger) == key)
    }

    fn toggle_trigger(&mut self) {
        let Some(key) = self.current_trigger_key() else {
            return;
        };
        match self
            .draft
            .triggers
            .iter()
            .position(|t| trigger_key(&t.trigger) == key)
        {
            Some(pos) => {
                self.draft.triggers.remove(pos);
            }
            None => {
                if let Some(trigger) = trigger_ref(&key) {
                    self.draft.triggers.push(TriggerLog {
                        trigger,
                        intensity: None,
                        note: String::new(),
                    });
                }
            }
        }
        self.dirty = true;
    }

    /// Sets (or nudges by `delta`) the intensity of the trigger under the cursor, picking it.
    fn set_intensity(&mut self, value: Option<u8>, delta: i8) {
        let Some(key) = self.current_trigger_key() else {
            return;
        };
        if self.trigger_log(&key).is_none() {
            self.toggle_trigger();
        }
        if let Some(log) = self.trigger_log(&key) {
            let now = log.intensity.map_or(0, Intensity::get);
            let wanted = match value {
                Some(v) => v,
                None if now == 0 && delta > 0 => 1,
                None => now.saturating_add_signed(delta).clamp(1, 5),
            };
            log.intensity = Intensity::try_from(wanted).ok();
        }
        self.dirty = true;
    }

    fn toggle_reaction(&mut self) {
        let Some(Current::Row(i)) = self.reactions.current() else {
            return;
        };
        let Ok(id) = Name::try_from(self.reactions.rows[i].key.as_str()) else {
            return;
        };
        match self.draft.behaviours.iter().position(|b| *b == id) {
            Some(pos) => {
                self.draft.behaviours.remove(pos);
            }
            None => self.draft.behaviours.push(id),
        }
        self.dirty = true;
    }

    /// The guide page for what is under the cursor: a bundled trigger, or a strategy row.
    fn learn_more(&self) -> Outcome {
        match self.draft.step {
            Step::Triggers => match self.triggers.current() {
                Some(Current::Row(i)) if !self.triggers.rows[i].key.starts_with(CUSTOM) => {
                    Outcome::LearnTrigger(self.triggers.rows[i].key.clone())
                }
                _ => Outcome::Notice(
                    "closer has nothing written about a trigger of your own.".into(),
                ),
            },
            Step::Strategies => {
                let follow = self.follow_ups.len();
                let id = if self.focus < follow {
                    self.follow_ups
                        .get(self.focus)
                        .map(|f| f.strategy.to_string())
                } else {
                    self.suggestions.get(self.focus - follow).cloned()
                };
                id.map_or(Outcome::Stay, Outcome::LearnStrategy)
            }
            _ => Outcome::Stay,
        }
    }

    /// Rows of the strategy step: follow-ups first, then suggestions.
    pub fn strategy_rows(&self) -> usize {
        self.follow_ups.len() + self.suggestions.len()
    }

    fn strategy_action(&mut self, action: Action) {
        let rows = self.strategy_rows();
        let follow = self.follow_ups.len();
        match action {
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(rows.saturating_sub(1)),
            Action::Top => self.focus = 0,
            Action::Bottom => self.focus = rows.saturating_sub(1),
            _ if self.focus < follow => {
                let id = self.follow_ups[self.focus].strategy.clone();
                let current = self.draft.strategies.iter().find(|s| s.id == id);
                let tried = current.and_then(|s| s.tried);
                let help = current.and_then(|s| s.helpfulness);
                let (tried, help) = match action {
                    Action::Yes => (Some(true), help),
                    Action::No => (Some(false), None),
                    Action::Toggle => match tried {
                        None => (Some(true), help),
                        Some(true) => (Some(false), None),
                        Some(false) => (None, None),
                    },
                    Action::Choose(n) => (Some(true), Helpfulness::try_from(n).ok()),
                    Action::Clear => (None, None),
                    _ => return,
                };
                answer_follow_up(&mut self.draft.strategies, &id, tried, help);
                self.dirty = true;
            }
            Action::Toggle => {
                let Some(id) = self.suggestions.get(self.focus - follow) else {
                    return;
                };
                let Ok(id) = Name::try_from(id.as_str()) else {
                    return;
                };
                match self
                    .draft
                    .strategies
                    .iter()
                    .position(|s| s.id == id && s.planned)
                {
                    Some(pos) => {
                        self.draft.strategies.remove(pos);
                    }
                    None => self.draft.strategies.push(StrategyUse {
                        id,
                        planned: true,
                        tried: None,
                        helpfulness: None,
                    }),
                }
                self.dirty = true;
            }
            _ => {}
        }
    }

    fn scales_action(&mut self, action: Action) {
        let current = if self.focus == 0 {
            self.draft.mood.map(Mood::get)
        } else {
            self.draft.closeness.map(Closeness::get)
        };
        let value = match action {
            Action::Up => {
                self.focus = 0;
                return;
            }
            Action::Down => {
                self.focus = 1;
                return;
            }
            Action::Left => Some(current.map_or(3, |v| v.saturating_sub(1).max(1))),
            Action::Right => Some(current.map_or(3, |v| (v + 1).min(5))),
            Action::Choose(n) => Some(n),
            Action::Clear => None,
            _ => return,
        };
        if self.focus == 0 {
            self.draft.mood = value.and_then(|v| Mood::try_from(v).ok());
        } else {
            self.draft.closeness = value.and_then(|v| Closeness::try_from(v).ok());
        }
        // A digit on mood moves on to closeness, so two digits fill the step.
        if matches!(action, Action::Choose(_)) && self.focus == 0 {
            self.focus = 1;
        }
        self.dirty = true;
    }

    fn list_action(&mut self, action: Action, ctx_page: usize) {
        let list = match self.draft.step {
            Step::Emotions => &mut self.emotions,
            Step::Triggers => &mut self.triggers,
            Step::Reactions => &mut self.reactions,
            _ => return,
        };
        let page = isize::try_from(ctx_page.max(1)).unwrap_or(10);
        match action {
            Action::Up => list.move_by(-1),
            Action::Down => list.move_by(1),
            Action::PageUp => list.move_by(-page),
            Action::PageDown => list.move_by(page),
            Action::Top => list.top(),
            Action::Bottom => list.bottom(),
            Action::Toggle => match self.draft.step {
                Step::Emotions => self.toggle_emotion(),
                Step::Triggers => self.toggle_trigger(),
                _ => self.toggle_reaction(),
            },
            Action::Left if self.draft.step == Step::Triggers => self.set_intensity(None, -1),
            Action::Right if self.draft.step == Step::Triggers => self.set_intensity(None, 1),
            Action::Choose(n) if self.draft.step == Step::Triggers => {
                self.set_intensity(Some(n), 0)
            }
            Action::Note if self.draft.step == Step::Triggers => {
                let Some(key) = self.current_trigger_key() else {
                    return;
                };
                if self.trigger_log(&key).is_none() {
                    self.toggle_trigger();
                }
                let text = self
                    .trigger_log(&key)
                    .map(|l| l.note.clone())
                    .unwrap_or_default();
                let mut area = text_area(&text, "A few words about it…");
                area.set_wrap_mode(WrapMode::None);
                self.note = Some((key, area, text));
            }
            _ => {}
        }
    }

    /// Copies the note being written into the draft (as it is typed, so a pause or a quit
    /// keeps it).
    fn sync_note(&mut self) {
        let Some((key, area, _)) = &self.note else {
            return;
        };
        let key = key.clone();
        let text = area_text(area).replace('\n', " ").trim().to_owned();
        if let Some(log) = self.trigger_log(&key) {
            log.note = text;
        }
        self.dirty = true;
    }

    fn note_action(&mut self, action: Action) {
        match action {
            Action::Next | Action::Save => {
                self.sync_note();
                self.note = None;
            }
            Action::Back => {
                // Cancel: the note as it was before.
                if let Some((key, _, before)) = self.note.take()
                    && let Some(log) = self.trigger_log(&key)
                {
                    log.note = before;
                    self.dirty = true;
                }
            }
            _ => {}
        }
    }
}

fn response_for(p: &crate::content::Prompt) -> Response {
    Response {
        prompt_id: Name::try_from(p.id.as_str()).ok(),
        prompt: p.text.as_str().into(),
        answer: String::new(),
    }
}

/// Tags from comma-separated text: trimmed, without a leading `#`, no empties, no repeats.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split([',', '\n']) {
        let t = t.trim().trim_start_matches('#').trim();
        if !t.is_empty() && !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}

/// A message for the check-in.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key.
    Action(Action),
    /// A key for a text field.
    Input(Input),
    /// Pasted text.
    Paste(String),
    /// Text back from `$EDITOR`.
    Edited(EditorTarget, String),
}

/// Applies a message. `page` is how many list rows fit on screen.
pub fn update(state: &mut State, msg: Msg, ctx: Ctx<'_>, page: usize) -> Outcome {
    if matches!(msg, Msg::Action(_) | Msg::Edited(..)) {
        state.flush();
    }
    match state.dialog {
        Some(Dialog::Leave) => {
            return match msg {
                Msg::Action(Action::KeepAndLeave) => Outcome::Leave,
                Msg::Action(Action::Discard) => {
                    state.dialog = Some(Dialog::ConfirmDiscard);
                    Outcome::Stay
                }
                Msg::Action(Action::Back | Action::No) => {
                    state.dialog = None;
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            };
        }
        Some(Dialog::ConfirmDiscard) => {
            return match msg {
                Msg::Action(Action::Yes) => Outcome::Discard,
                Msg::Action(Action::No | Action::Back) => {
                    state.dialog = Some(Dialog::Leave);
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            };
        }
        None => {}
    }
    if state.note.is_some() {
        match msg {
            Msg::Action(action) => state.note_action(action),
            Msg::Input(input) => {
                if let Some((_, area, _)) = state.note.as_mut()
                    && input.key != TextKey::Enter
                {
                    area.input(input);
                }
                state.sync_note();
            }
            Msg::Paste(text) => {
                if let Some((_, area, _)) = state.note.as_mut() {
                    area.insert_str(normalise_newlines(&text).replace('\n', " "));
                }
                state.sync_note();
            }
            Msg::Edited(..) => {}
        }
        return Outcome::Stay;
    }
    match msg {
        Msg::Action(action) => on_action(state, action, ctx, page),
        Msg::Input(input) => {
            on_input(state, input);
            Outcome::Stay
        }
        Msg::Paste(text) => {
            let text = normalise_newlines(&text);
            match state.draft.step {
                Step::Reflect => {
                    if let Some(a) = state.answers.get_mut(state.prompt_index) {
                        paste_into(a, &text);
                    }
                }
                Step::Notes if state.focus == 0 => {
                    paste_into(&mut state.notes, &text);
                }
                Step::Notes => {
                    state.tags.insert_str(text.replace('\n', ", "));
                }
                Step::Emotions => state.emotions.type_str(&text),
                Step::Triggers => state.triggers.type_str(&text),
                Step::Reactions => state.reactions.type_str(&text),
                _ => return Outcome::Stay,
            }
            state.sync_text();
            Outcome::Stay
        }
        Msg::Edited(target, text) => {
            let text = normalise_newlines(&text);
            let text = text.strip_suffix('\n').unwrap_or(&text);
            match target {
                EditorTarget::Answer(i) => {
                    if let (Some(a), Some(r)) =
                        (state.answers.get_mut(i), state.draft.responses.get_mut(i))
                    {
                        *a = text_area(text, "");
                        r.answer = text.to_owned();
                    }
                }
                EditorTarget::Notes => {
                    state.notes = text_area(text, "");
                    state.draft.notes = text.to_owned();
                }
            }
            state.dirty = false;
            Outcome::SaveDraft
        }
    }
}

fn on_action(state: &mut State, action: Action, ctx: Ctx<'_>, page: usize) -> Outcome {
    // In a list, while something is typed, keys type: Space and digits go into the filter,
    // and Enter picks the highlighted row (or adds what was typed). With nothing typed, Space
    // picks, digits set intensity and Enter goes on. Tab always goes on.
    if let Some(list) = state.list_mut()
        && !list.filter.is_empty()
    {
        match action {
            Action::Toggle => {
                list.type_str(" ");
                return Outcome::Stay;
            }
            Action::Choose(n) => {
                list.type_str(&n.to_string());
                return Outcome::Stay;
            }
            Action::Confirm => {
                state.pick_typed(page);
                return Outcome::Stay;
            }
            _ => {}
        }
    }
    match action {
        Action::Next | Action::Confirm => return state.next(ctx),
        Action::Prev => return state.prev(ctx),
        Action::Save => return Outcome::Finish,
        Action::Back => {
            state.dialog = Some(Dialog::Leave);
            return Outcome::Stay;
        }
        Action::LearnMore => return state.learn_more(),
        Action::OtherPrompt if state.draft.step == Step::Reflect => {
            return state.swap_prompt(ctx);
        }
        Action::Editor => {
            return match state.draft.step {
                Step::Reflect if !state.answers.is_empty() => Outcome::Editor(
                    EditorTarget::Answer(state.prompt_index),
                    state
                        .answers
                        .get(state.prompt_index)
                        .map(area_text)
                        .unwrap_or_default(),
                ),
                Step::Notes => {
                    state.focus = 0;
                    Outcome::Editor(EditorTarget::Notes, area_text(&state.notes))
                }
                _ => Outcome::Stay,
            };
        }
        _ => {}
    }
    match state.draft.step {
        Step::Scales => state.scales_action(action),
        Step::Emotions | Step::Triggers | Step::Reactions => state.list_action(action, page),
        Step::Strategies => state.strategy_action(action),
        Step::Summary => {
            let lines = view::summary_lines(
                &state.draft,
                ctx.catalog,
                &crate::tui::theme::Theme::no_color(),
                crate::journal::MoodLabels::Words,
            )
            .len();
            let max = u16::try_from(lines.saturating_sub(page)).unwrap_or(u16::MAX);
            let page = u16::try_from(page).unwrap_or(10).max(1);
            state.scroll = match action {
                Action::Up => state.scroll.saturating_sub(1),
                Action::Down => state.scroll.saturating_add(1),
                Action::PageUp => state.scroll.saturating_sub(page),
                Action::PageDown => state.scroll.saturating_add(page),
                Action::Top => 0,
                _ => state.scroll,
            }
            .min(max);
        }
        Step::Reflect | Step::Notes => {}
    }
    Outcome::Stay
}

fn on_input(state: &mut State, input: Input) {
    match state.draft.step {
        Step::Reflect => {
            if let Some(a) = state.answers.get_mut(state.prompt_index) {
                a.input(input);
            }
        }
        Step::Notes if state.focus == 0 => {
            state.notes.input(input);
        }
        Step::Notes => {
            if input.key != TextKey::Enter {
                state.tags.input(input);
            }
        }
        Step::Emotions | Step::Triggers | Step::Reactions => {
            let list = match state.draft.step {
                Step::Emotions => &mut state.emotions,
                Step::Triggers => &mut state.triggers,
                _ => &mut state.reactions,
            };
            match input {
                Input {
                    key: TextKey::Char(c),
                    ctrl: false,
                    alt: false,
                    ..
                } => list.type_str(&c.to_string()),
                Input {
                    key: TextKey::Backspace,
                    ..
                } => list.backspace(),
                _ => {}
            }
            return;
        }
        _ => return,
    }
    state.sync_text();
}

#[cfg(test)]
mod tests;
