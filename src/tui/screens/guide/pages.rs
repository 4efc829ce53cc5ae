//! The reading pages of the guide — a strategy, a trigger, an article digest, the Learn index,
//! an entry's links — as pre-wrapped lines with the links on them, so scrolling and moving
//! between links are exact. "Things to say and try", the bids card and the cards for a hard
//! minute are in `toolkit`, re-exported here.

use std::collections::BTreeMap;

use ratatui::text::Line;

use crate::content::validate::SAFETY_PAGE;
use crate::content::{Catalog, Digest, ItemKind, ScriptStep, Source, Strategy, Trigger};
use crate::journal::history::StrategyHistory;
use crate::journal::{Entry, Perspective, Preferences, TriggerRef};
use crate::tui::theme::Theme;
use crate::tui::widgets::caret::{GLYPH, Spot};
use crate::tui::widgets::wrap;

mod toolkit;

use toolkit::cards_for;
pub use toolkit::{bids, card, toolkit};

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A strategy's page.
    Strategy(String),
    /// A trigger's page.
    Trigger(String),
    /// A digest, at a section (by index).
    Digest(String, usize),
    /// Things to say and try.
    Toolkit,
    /// A card for a hard minute, by id.
    Card(String),
    /// The Learn card "Bids for connection".
    Bids,
    /// A time-out with a time to come back (a form of the check-in, not a page).
    TimeOut,
}

/// A page laid out: its lines, and for each link the line it is on.
#[derive(Debug, Default)]
pub struct Laid {
    /// The lines, already wrapped to the width.
    pub lines: Vec<Line<'static>>,
    /// The links, in reading order, with their line.
    pub links: Vec<(Link, usize)>,
    /// Lines to scroll to for a digest's sections, by section index.
    pub anchors: Vec<usize>,
    /// The caret of the search being typed, if one is.
    pub caret: Option<Spot>,
}

/// What a page needs besides the catalog.
pub struct Data<'a> {
    /// The content.
    pub catalog: &'a Catalog,
    /// Favourites and plans.
    pub prefs: &'a Preferences,
    /// Per-strategy history from the journal.
    pub histories: &'a BTreeMap<String, StrategyHistory>,
    /// The styles.
    pub theme: &'a Theme,
    /// The width to wrap to.
    pub width: usize,
    /// The person's perspective (`None`: both), for what a trigger says to them.
    pub perspective: Option<Perspective>,
    /// The selected link, to draw it marked.
    pub selected: Option<usize>,
    /// Whether a Safety trigger was logged lately
    /// ([`Catalog::safety_logged_recently`] over the session's recent entries): then nothing
    /// that starts a talk with the partner is shown (`safe_only` lines, the checklist before a
    /// hard talk, the "state of us" script, rituals), and a pointer to the safety page is.
    pub safety: bool,
}

struct Builder<'a> {
    data: &'a Data<'a>,
    laid: Laid,
}

impl<'a> Builder<'a> {
    fn new(data: &'a Data<'a>) -> Builder<'a> {
        Builder {
            data,
            laid: Laid::default(),
        }
    }

    fn blank(&mut self) {
        self.laid.lines.push(Line::default());
    }

    fn heading(&mut self, text: &str) {
        let style = self.data.theme.title;
        for l in wrap::indented(text, self.data.width, "", "") {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    fn muted(&mut self, text: &str) {
        let style = self.data.theme.muted;
        for l in wrap::indented(text, self.data.width, "", "") {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    /// Paragraphs (a blank line between them is kept); lines starting with "- " are bullets.
    fn prose(&mut self, text: &str, indent: &str) {
        let style = self.data.theme.text;
        let mut wrote = false;
        let mut gap = false;
        for para in text.split('\n') {
            let para = para.trim_end();
            if para.trim().is_empty() {
                gap = wrote;
                continue;
            }
            if gap {
                self.laid.lines.push(Line::default());
                gap = false;
            }
            wrote = true;
            let (first, rest, body) = match para.trim_start().strip_prefix("- ") {
                Some(item) => (format!("{indent}• "), format!("{indent}  "), item),
                None => (indent.to_owned(), indent.to_owned(), para.trim()),
            };
            for l in wrap::indented(body, self.data.width, &first, &rest) {
                self.laid.lines.push(Line::styled(l, style));
            }
        }
    }

    fn link(&mut self, link: Link, label: &str) {
        let n = self.laid.links.len();
        let selected = self.data.selected == Some(n);
        let theme = self.data.theme;
        let (marker, style) = if selected {
            ("▸ → ", theme.selected)
        } else {
            ("  → ", theme.key)
        };
        let mut lines = wrap::indented(label, self.data.width, marker, "    ").into_iter();
        if let Some(first) = lines.next() {
            self.laid.links.push((link, self.laid.lines.len()));
            self.laid.lines.push(Line::styled(first, style));
        }
        for l in lines {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    /// A sub-heading inside a section, indented under its heading.
    fn subheading(&mut self, text: &str) {
        let style = self.data.theme.key;
        for l in wrap::indented(text, self.data.width, "  ", "  ") {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    /// A muted line indented under a sub-heading.
    fn note(&mut self, text: &str) {
        let style = self.data.theme.muted;
        for l in wrap::indented(text, self.data.width, "  ", "  ") {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    /// Items to tick off in one's head, each as "[ ] item".
    fn checklist(&mut self, items: &[String]) {
        let style = self.data.theme.text;
        for item in items {
            for l in wrap::indented(item, self.data.width, "  [ ] ", "      ") {
                self.laid.lines.push(Line::styled(l, style));
            }
        }
    }

    /// A script's steps numbered from 1: each heading, and its prompt under it.
    fn script(&mut self, steps: &[ScriptStep]) {
        let (key, text) = (self.data.theme.key, self.data.theme.text);
        for (i, step) in steps.iter().enumerate() {
            let first = format!("  {}. ", i + 1);
            for l in wrap::indented(&step.heading, self.data.width, &first, "     ") {
                self.laid.lines.push(Line::styled(l, key));
            }
            for l in wrap::indented(&step.prompt, self.data.width, "     ", "     ") {
                self.laid.lines.push(Line::styled(l, text));
            }
        }
    }

    /// Steps numbered from 1, wrapped lines under their text.
    fn numbered(&mut self, steps: &[String]) {
        let style = self.data.theme.text;
        for (i, step) in steps.iter().enumerate() {
            let first = format!("  {}. ", i + 1);
            for l in wrap::indented(step, self.data.width, &first, "     ") {
                self.laid.lines.push(Line::styled(l, style));
            }
        }
    }

    /// A warning: its heading and text in the warning style.
    fn warning(&mut self, heading: &str, text: &str) {
        let style = self.data.theme.warn;
        for l in wrap::indented(heading, self.data.width, "", "") {
            self.laid.lines.push(Line::styled(l, style));
        }
        for l in wrap::indented(text, self.data.width, "  ", "  ") {
            self.laid.lines.push(Line::styled(l, style));
        }
    }

    /// A link to the page on safety.
    fn safety_link(&mut self) {
        if let Some(d) = self.data.catalog.digest(SAFETY_PAGE) {
            self.link(Link::Digest(d.id.clone(), 0), &d.title);
        }
    }

    fn sources(&mut self, sources: &[Source]) {
        self.heading("Source");
        for s in sources {
            self.prose(s.short(), "  ");
        }
    }
}

fn strategy_label(s: &Strategy, prefs: &Preferences) -> String {
    let star = if prefs.favourites.contains(&s.id) {
        " ★"
    } else {
        ""
    };
    format!("{}{star}", s.title)
}

/// A strategy's page.
pub fn strategy(data: &Data<'_>, s: &Strategy) -> Laid {
    let mut b = Builder::new(data);
    b.heading(&s.title);
    let mut about = vec![s.category.label().to_owned()];
    if data.prefs.favourites.contains(&s.id) {
        about.push("★ a favourite".into());
    }
    if data.prefs.planned_next.contains(&s.id) {
        about.push("offered first in your next check-in".into());
    }
    b.muted(&about.join(" · "));
    if let Some(caveat) = &s.caveat {
        b.blank();
        b.warning("Before you try this", caveat);
        b.safety_link();
    }
    b.blank();
    b.heading("Why it can help");
    b.prose(&s.why, "  ");
    b.blank();
    b.heading("Steps");
    b.numbered(&s.steps);
    b.blank();
    b.heading("Try today");
    b.prose(&s.try_today, "  ");
    b.blank();
    b.heading("In your journal");
    let h = data.histories.get(&s.id).copied().unwrap_or_default();
    if h.is_empty() {
        b.prose("Not in your journal yet.", "  ");
    } else {
        let times = |n: u32| {
            if n == 1 {
                "once".to_owned()
            } else {
                format!("{n} times")
            }
        };
        let mut parts = vec![
            format!("Planned {}", times(h.planned)),
            format!("tried {}", times(h.tried)),
        ];
        if let Some(avg) = h.average_helpfulness() {
            parts.push(format!("helpfulness {avg:.1} of 5 on average"));
        }
        if let Some(d) = h.last_tried {
            parts.push(format!("last tried {}", d.format("%-d %B %Y")));
        }
        b.prose(&parts.join(" · "), "  ");
    }
    b.blank();
    b.heading("Fits these triggers");
    for t in &s.triggers {
        if let Some(trigger) = data.catalog.trigger(t) {
            b.link(Link::Trigger(t.clone()), &trigger.name);
        }
    }
    b.blank();
    b.sources(&s.sources);
    b.laid
}

/// A trigger's page: what it is, where the articles speak of it, what may help.
pub fn trigger(data: &Data<'_>, t: &Trigger) -> Laid {
    let mut b = Builder::new(data);
    b.heading(&t.name);
    b.muted(t.group.label());
    b.blank();
    // The summary speaks to the one who pulls away; the partner's own, where there is one.
    match (data.perspective, &t.partner_summary) {
        (Some(Perspective::PartnerPullsAway), Some(theirs)) => b.prose(theirs, ""),
        (None, Some(theirs)) => {
            b.prose(&t.summary, "");
            b.prose(&format!("If it is your partner: {theirs}"), "");
        }
        _ => b.prose(&t.summary, ""),
    }
    if let Some(note) = &t.partner_note
        && data.perspective != Some(Perspective::IPullAway)
    {
        b.muted(note);
    }
    if let Some(page) = &t.learn
        && let Some(d) = data.catalog.digest(page)
    {
        b.blank();
        b.heading("Read this first");
        b.link(Link::Digest(d.id.clone(), 0), &d.title);
    }
    if !t.aspects.is_empty() {
        b.blank();
        b.heading("It can involve");
        for a in &t.aspects {
            b.prose(&format!("- {a}"), "  ");
        }
    }
    b.blank();
    b.heading("What it can look like");
    for a in &t.looks_like {
        b.prose(&format!("- {a}"), "  ");
    }
    let sections = data.catalog.sections_for_trigger(&t.id);
    if !sections.is_empty() {
        b.blank();
        b.heading("In the articles");
        for (d, s) in sections {
            let index = d.sections.iter().position(|x| x == s).unwrap_or(0);
            b.link(
                Link::Digest(d.id.clone(), index),
                &format!("{} — {}", d.title, s.heading),
            );
        }
    }
    let strategies = data.catalog.strategies_for_trigger(&t.id, None);
    if !strategies.is_empty() {
        b.blank();
        b.heading("What may help");
        for s in strategies {
            b.link(Link::Strategy(s.id.clone()), &strategy_label(s, data.prefs));
        }
    }
    b.blank();
    b.sources(&t.sources);
    b.laid
}

/// A digest, section by section, each with its links, then its FAQ.
pub fn digest(data: &Data<'_>, d: &Digest) -> Laid {
    let mut b = Builder::new(data);
    b.heading(&d.title);
    match d.source {
        Some(source) => b.muted(&format!("A digest of “{}”, in our words", source.title())),
        None => {
            let titles: Vec<&str> = d.sources.iter().map(|s| s.short()).collect();
            b.muted(&format!("In our words, drawing on {}", titles.join("; ")));
        }
    }
    b.blank();
    b.prose(&d.summary, "");
    for s in &d.sections {
        b.blank();
        b.laid.anchors.push(b.laid.lines.len());
        b.heading(&s.heading);
        b.prose(&s.body, "");
        for t in &s.triggers {
            if let Some(trigger) = data.catalog.trigger(t) {
                b.link(
                    Link::Trigger(t.clone()),
                    &format!("Trigger: {}", trigger.name),
                );
            }
        }
        for id in &s.strategies {
            if let Some(strategy) = data.catalog.strategy(id) {
                let label = format!("Strategy: {}", strategy_label(strategy, data.prefs));
                b.link(Link::Strategy(id.clone()), &label);
            }
        }
    }
    if !d.faqs.is_empty() {
        b.blank();
        b.heading("Questions and answers");
        for f in &d.faqs {
            b.blank();
            let style = data.theme.key;
            for l in wrap::indented(&f.question, data.width, "Q  ", "   ") {
                b.laid.lines.push(Line::styled(l, style));
            }
            let text = data.theme.text;
            for l in wrap::indented(&f.answer.replace('\n', " "), data.width, "A  ", "   ") {
                b.laid.lines.push(Line::styled(l, text));
            }
        }
    }
    b.laid
}

/// The Learn index: the four digests, then every trigger.
pub fn learn_index(data: &Data<'_>, search: &str, typing: bool) -> Laid {
    let mut b = Builder::new(data);
    if typing || !search.is_empty() {
        return learn_found(b, search, typing);
    }
    b.heading("Articles, in short");
    b.muted("The four articles closer draws on, in short, and pages on safety and on attachment.");
    for d in &data.catalog.digests {
        b.link(Link::Digest(d.id.clone(), 0), &d.title);
    }
    b.blank();
    b.heading("Things to say and try");
    b.muted(
        "Words to start or repair a talk, thinking traps to check, questions, small rituals, bids.",
    );
    b.link(Link::Toolkit, "Things to say and try");
    b.link(Link::Bids, &data.catalog.turning.bids.title);
    for card in cards_for(data) {
        b.link(Link::Card(card.id.clone()), &card.title);
    }
    b.blank();
    b.heading("Triggers");
    b.muted("What can sit behind pulling away: what it looks like, where the articles speak of it, what may help.");
    for group in crate::content::TriggerGroup::ALL {
        for t in data.catalog.triggers_in(*group, None) {
            b.link(
                Link::Trigger(t.id.clone()),
                &format!("{} · {}", t.name, group.label()),
            );
        }
    }
    b.blank();
    b.muted(
        "Nothing here is medical advice; the Support screen (! on home) says where to find help.",
    );
    b.laid
}

/// The Learn index narrowed to the articles, the parts of "Things to say and try", the cards
/// for a hard minute and the triggers whose title or text hold every word of `search`, titles
/// first; what is shown for the person's perspective only.
fn learn_found(mut b: Builder<'_>, search: &str, typing: bool) -> Laid {
    let cursor = if typing { GLYPH } else { "" };
    b.heading(&format!("Search: {search}{cursor}"));
    if typing && let Some(last) = b.laid.lines.last() {
        // On the glyph, the heading's last character.
        b.laid.caret = Some(Spot {
            line: b.laid.lines.len() - 1,
            column: last.width().saturating_sub(1),
        });
    }
    let catalog = b.data.catalog;
    let hits: Vec<_> =
        crate::content::search::search_shown(catalog, search, b.data.perspective, b.data.safety)
            .into_iter()
            .filter(|h| {
                matches!(
                    h.kind,
                    ItemKind::Digest
                        | ItemKind::Trigger
                        | ItemKind::Toolkit
                        | ItemKind::Card
                        | ItemKind::Bids
                )
            })
            .collect();
    if search.trim().is_empty() {
        b.muted("Type to find an article, a thing to say or try, or a trigger.");
    } else if hits.is_empty() {
        b.muted("Nothing in Learn matches. Esc clears the search.");
    } else {
        b.muted(&crate::journal::vocabulary::count(
            hits.len() as u64,
            "match",
            "matches",
        ));
    }
    for hit in hits {
        match hit.kind {
            ItemKind::Digest => {
                b.link(Link::Digest(hit.id, 0), &format!("{} · article", hit.title))
            }
            ItemKind::Toolkit => b.link(
                Link::Toolkit,
                &format!("{} · things to say and try", hit.title),
            ),
            ItemKind::Card => b.link(
                Link::Card(hit.id),
                &format!("{} · a hard minute", hit.title),
            ),
            ItemKind::Bids => b.link(Link::Bids, &format!("{} · learn", hit.title)),
            _ => b.link(Link::Trigger(hit.id), &format!("{} · trigger", hit.title)),
        }
    }
    b.laid
}

/// An entry's triggers and strategies, as links.
pub fn entry_links(data: &Data<'_>, e: &Entry) -> Laid {
    let mut b = Builder::new(data);
    b.heading(&format!(
        "From your entry of {}",
        e.date.format("%-d %B %Y")
    ));
    let triggers: Vec<&str> = e
        .triggers
        .iter()
        .filter_map(|t| match &t.trigger {
            TriggerRef::Id(id) => Some(id.as_str()),
            TriggerRef::Custom(_) => None,
        })
        .collect();
    b.blank();
    b.heading("Triggers");
    if triggers.is_empty() {
        b.muted("None of the bundled triggers were logged.");
    }
    for t in triggers {
        if let Some(trigger) = data.catalog.trigger(t) {
            b.link(Link::Trigger(t.to_owned()), &trigger.name);
        }
    }
    b.blank();
    b.heading("Strategies");
    if e.strategies.is_empty() {
        b.muted("No strategies were planned or tried.");
    }
    for s in &e.strategies {
        if let Some(strategy) = data.catalog.strategy(s.id.as_str()) {
            b.link(
                Link::Strategy(s.id.to_string()),
                &strategy_label(strategy, data.prefs),
            );
        }
    }
    b.laid
}

#[cfg(test)]
mod learn_search_tests {
    use super::*;

    fn found(search: &str, perspective: Option<Perspective>) -> Vec<(Link, String)> {
        let catalog = Catalog::bundled().unwrap();
        let prefs = Preferences::default();
        let histories = BTreeMap::new();
        let theme = Theme::no_colour();
        let data = Data {
            catalog: &catalog,
            prefs: &prefs,
            histories: &histories,
            theme: &theme,
            width: 78,
            perspective,
            selected: None,
            safety: false,
        };
        let laid = learn_index(&data, search, false);
        laid.links
            .into_iter()
            .map(|(link, at)| {
                let text: String = laid.lines[at]
                    .spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect();
                (link, text)
            })
            .collect()
    }

    /// Issue 37, item 12: Learn's search covers every page, "Things to say and try" and the
    /// cards for a hard minute included.
    #[test]
    fn learn_search_finds_things_to_say_and_try() {
        for (q, part) in [
            ("repair", "Ways to repair"),
            ("sorry", "Ways to repair"),
            ("mind reading", "Thinking traps"),
        ] {
            for p in [
                None,
                Some(Perspective::IPullAway),
                Some(Perspective::PartnerPullsAway),
            ] {
                let hits = found(q, p);
                assert!(
                    hits.iter()
                        .any(|(l, t)| *l == Link::Toolkit && t.contains(part)),
                    "/{q} ({p:?}): {hits:?}"
                );
            }
        }
        let hits = found("pull away right now", Some(Perspective::IPullAway));
        assert!(
            hits.iter().any(|(l, _)| matches!(l, Link::Card(_))),
            "{hits:?}"
        );
    }
}
