//! Reports: the figures are the insights', a person's words go in only when chosen, and no
//! text can break the page.

use chrono::{DateTime, FixedOffset, NaiveDate, Weekday};

use super::*;
use crate::journal::test_support::{catalog_trigger, logged, own_trigger, response, strategy};
use crate::journal::{Closeness, EntryId, Mood, Name, TriggerRef};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An entry on `day` at noon with a mood and a closeness, a trigger, a strategy tried, and
/// words in every free-text field, each marked with `mark` so a test can look for them.
fn entry(day: &str, n: u32, mood: u8, trigger: &str, mark: &str) -> Entry {
    let t: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{day}T12:00:00+00:00")).unwrap();
    let mut e = Entry::new(EntryId::generate(t, n), t);
    e.mood = Some(Mood::try_from(mood).unwrap());
    e.closeness = Some(Closeness::try_from(6 - mood).unwrap());
    let trigger = if trigger.starts_with("my ") || trigger.contains('<') {
        own_trigger(trigger)
    } else {
        catalog_trigger(trigger)
    };
    e.triggers
        .push(logged(trigger, Some(3), &format!("trigger-note-{mark}")));
    e.strategies
        .push(strategy("open-honest-talk", true, Some(true), Some(4)));
    e.responses.push(response(
        "What did you want to say?",
        &format!("answer-{mark}"),
    ));
    e.notes = format!("notes-{mark}");
    e.episodes.push(crate::journal::Episode {
        what: format!("moment-{mark}"),
        urges: vec!["go-quiet".into()],
        repair: Some(crate::journal::Repair::Own(format!("repair-{mark}"))),
        ended: Some(crate::journal::Ending::Closer),
        ..Default::default()
    });
    e.predictions.push(crate::journal::Prediction {
        step: None,
        fear: format!("fear-{mark}"),
        likelihood: None,
        badness: crate::journal::Badness::try_from(4u8).ok(),
        look_back: e.date,
        outcome: Some(crate::journal::PredictionOutcome {
            on: e.date,
            result: if n.is_multiple_of(3) {
                crate::journal::PredictionResult::Yes
            } else {
                crate::journal::PredictionResult::No
            },
            badness: crate::journal::Badness::try_from(2u8).ok(),
            instead: format!("instead-{mark}"),
            extra: Default::default(),
        }),
        extra: Default::default(),
    });
    e.tags.push("work".to_owned());
    e
}

/// Twelve days in November, half with each of two triggers.
fn journal() -> Vec<Entry> {
    (1..=12)
        .map(|i| {
            let trigger = if i % 2 == 0 {
                "unmet-needs"
            } else {
                "external-stressors"
            };
            entry(
                &format!("2026-11-{i:02}"),
                i,
                (i % 5 + 1) as u8,
                trigger,
                &format!("M{i}"),
            )
        })
        .collect()
}

fn catalog() -> Catalog {
    Catalog::bundled().unwrap()
}

fn window() -> Window {
    Window {
        from: d("2026-11-01"),
        to: d("2026-11-30"),
    }
}

/// The report as a page and as Markdown.
fn both(report: &Report) -> [String; 2] {
    [html(report, &catalog()), markdown(report, &catalog())]
}

/// Both forms of `report` hold every text of `shown` and none of `hidden`.
fn holds(report: &Report, shown: &[&str], hidden: &[&str]) {
    for text in both(report) {
        for s in shown {
            assert!(text.contains(s), "{s:?} is not in: {text}");
        }
        for h in hidden {
            assert!(!text.contains(h), "{h:?} leaked into: {text}");
        }
    }
}

fn report_of(entries: &[Entry], filter: Filter, include: Include) -> Report {
    build(
        entries,
        &Request {
            window: window(),
            filter,
            include,
        },
        &catalog(),
        MoodLabels::default(),
        d("2026-11-30"),
        Weekday::Mon,
    )
}

#[test]
fn the_figures_are_the_insights_for_the_same_window() {
    let entries = journal();
    let report = report_of(&entries, Filter::default(), Include::default());
    let expected = insights::with_moments(
        insights::compute(&entries, window(), d("2026-11-30"), Weekday::Mon),
        &entries,
        Weekday::Mon,
    );
    assert_eq!(report.insights, expected);
    // And the page and the Markdown say them.
    let md = markdown(&report, &catalog());
    assert!(
        md.contains(&format!("| Check-ins | {} |", expected.entries)),
        "{md}"
    );
    assert!(md.contains(&format!(
        "| Average mood (1–5) | {:.1} |",
        expected.scales[crate::journal::Scale::Mood].unwrap()
    )));
    for t in &expected.triggers {
        let row = format!(
            "| {} | {} | {:.1} |",
            catalog().trigger_label(&t.trigger),
            t.count,
            t.intensity.unwrap()
        );
        assert!(md.contains(&row), "missing {row}");
    }
    let page = html(&report, &catalog());
    assert!(page.contains(&format!("<td>{}</td>", expected.entries)));
}

#[test]
fn a_filter_counts_only_the_entries_it_lets_through_and_is_named() {
    let entries = journal();
    let mut filter = Filter::default();
    filter.add(Condition::Trigger(TriggerRef::Id(
        Name::try_from("unmet-needs").unwrap(),
    )));
    let report = report_of(&entries, filter, Include::default());
    assert_eq!(report.insights.entries, 6);
    assert_eq!(report.insights.triggers.len(), 1);
    assert_eq!(report.filter.len(), 1);
    assert!(
        subtitle(&report).contains("entries with the trigger"),
        "{}",
        subtitle(&report)
    );
}

#[test]
fn by_default_no_free_text_goes_in() {
    let entries = journal();
    let report = report_of(&entries, Filter::default(), Include::default());
    for text in both(&report) {
        for word in [
            "answer-M",
            "notes-M",
            "trigger-note-M",
            "What did you want to say",
            "moment-M",
            "repair-M",
            "fear-M",
            "instead-M",
        ] {
            assert!(!text.contains(word), "{word} is in a default report");
        }
        assert!(text.contains("none of your own words"));
    }
}

#[test]
fn chosen_words_go_in_and_only_those() {
    let entries = journal();
    let answers = Include {
        answers: true,
        notes: false,
        ..Include::default()
    };
    holds(
        &report_of(&entries, Filter::default(), answers),
        &["answer-M1", "answer-M12"],
        &["notes-M1", "trigger-note-M1"],
    );
    let notes = Include {
        answers: false,
        notes: true,
        ..Include::default()
    };
    holds(
        &report_of(&entries, Filter::default(), notes),
        &["notes-M3", "trigger-note-M3"],
        &["answer-M3"],
    );
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let hostile = "my </svg><script>alert(1)</script> & \u{1b}]52;c;x\u{7} \"q\"";
    let mut entries = journal();
    for (i, e) in entries.iter_mut().enumerate().take(6) {
        e.triggers[0].trigger = TriggerRef::Custom(Name::try_from(hostile).unwrap());
        e.notes = format!("<script>bad()</script>\u{1b}[2J notes {i}");
        e.responses[0].answer = "</p></blockquote><img src=x onerror=alert(2)>".to_owned();
        e.emotions.push("<b>loud</b>".to_owned());
        e.episodes[0].what = "<script>moment()</script>".to_owned();
        e.episodes[0].triggers = vec![TriggerRef::Custom(Name::try_from(hostile).unwrap())];
        e.episodes[0].urges = vec!["<img src=y>".to_owned()];
        e.predictions[0].fear = "</svg><script>fear()</script>\u{9b}".to_owned();
        e.thoughts.push(crate::journal::ThoughtCheck {
            thought: "<script>thought()</script>".to_owned(),
            kinder: "<img src=z>\u{1b}[2J".to_owned(),
            ..Default::default()
        });
        e.debriefs.push(crate::journal::Debrief {
            felt: vec!["<b>hurt</b>".to_owned()],
            their_side: "</ul><script>debrief()</script>".to_owned(),
            triggers: vec![TriggerRef::Custom(Name::try_from(hostile).unwrap())],
            ..Default::default()
        });
        e.bids.push(crate::journal::Bid {
            kind: crate::journal::BidKind::Mine,
            turn: Some(crate::journal::Turn::Toward),
            text: "<script>bid()</script>\u{1b}[2J".to_owned(),
            ..Default::default()
        });
        let mut pause =
            crate::journal::TimeOut::new(crate::journal::BreakSide::Mine, e.created_at, 30);
        pause.until_then = "<img src=w>break()".to_owned();
        e.time_outs.push(pause);
        e.ladders.push(crate::journal::Ladder {
            id: "l-1".to_owned(),
            fear: "</li><script>ladder()</script>".to_owned(),
            ..Default::default()
        });
    }
    let report = report_of(
        &entries,
        Filter::default(),
        Include {
            answers: true,
            notes: true,
            episodes: true,
            predictions: true,
            thoughts: true,
            debriefs: true,
            cycle: true,
            turning: true,
        },
    );
    assert!(report.include.any());
    let page = html(&report, &catalog());
    assert!(
        page.contains("thought()") && page.contains("debrief()"),
        "thought checks and debriefs are in the page"
    );
    for words in ["bid()", "break()", "ladder()"] {
        assert!(
            page.contains(words),
            "{words}: bids, time-outs and ladders are in the page"
        );
    }
    let page = html(&report, &catalog());
    assert!(
        !page.to_lowercase().contains("<script"),
        "a script tag got through"
    );
    assert!(!page.contains("<img"), "an element got through");
    assert!(!page.contains("<b>loud"), "an element got through");
    assert_eq!(
        page.matches("<svg").count(),
        page.matches("</svg>").count(),
        "an svg was closed early"
    );
    assert!(
        page.contains("&lt;script&gt;"),
        "the words are still there, escaped"
    );
    assert!(
        !page.chars().any(|c| c.is_control() && c != '\n'),
        "a control character got into the page"
    );
    let md = markdown(&report, &catalog());
    for bad in ["<script", "<img", "<b>"] {
        for (i, _) in md.match_indices(bad) {
            assert!(
                md[..i].ends_with('\\'),
                "{bad} unescaped at {}",
                &md[i.saturating_sub(40)..i + 20]
            );
        }
    }
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn every_chart_is_an_svg_labelled_for_screen_readers_with_its_table() {
    let mut entries = journal();
    // Enough days with and without each trigger for a comparison.
    entries.extend((13..=24).map(|i| {
        let t = if i % 2 == 0 {
            "unmet-needs"
        } else {
            "external-stressors"
        };
        entry(&format!("2026-11-{i:02}"), i, (i % 5 + 1) as u8, t, "x")
    }));
    let report = report_of(&entries, Filter::default(), Include::default());
    let page = html(&report, &catalog());
    let charts = page
        .matches("<svg role=\"img\" aria-label=\"Chart: ")
        .count();
    assert_eq!(
        charts, 5,
        "over time, triggers, with and without, what helped, fears checked"
    );
    assert_eq!(
        page.matches("<svg").count(),
        charts,
        "every chart is labelled"
    );
    assert!(page.matches("<table>").count() >= charts);
    assert!(page.contains("viewBox"), "charts scale to the page");
    assert!(
        !page.contains("http://")
            || page.matches("http://").count()
                == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "nothing fetched"
    );
}

#[test]
fn an_empty_window_says_so_and_draws_nothing() {
    let report = report_of(
        &[],
        Filter::default(),
        Include {
            answers: true,
            notes: true,
            ..Include::default()
        },
    );
    let page = html(&report, &catalog());
    assert!(page.contains("No check-ins in these days."));
    assert!(page.contains("Nothing written in these days."));
    assert!(!page.contains("<svg"));
    assert!(markdown(&report, &catalog()).contains("No triggers were logged"));
}

#[test]
fn moments_and_predictions_are_figures_by_default_and_words_only_when_chosen() {
    let entries = journal();
    let report = report_of(&entries, Filter::default(), Include::default());
    let p = &report.insights.predictions;
    assert_eq!((p.made, p.yes, p.no), (12, 4, 8));
    let md = markdown(&report, &catalog());
    assert!(
        md.contains("## Fears checked against what happened"),
        "{md}"
    );
    assert!(md.contains(&format!("| It happened | {} |", p.yes)), "{md}");
    assert!(
        md.contains(&format!("| It did not happen | {} |", p.no)),
        "{md}"
    );
    assert!(
        md.contains("| How bad it really was (1–5, 12 answers) | 2.0 |"),
        "{md}"
    );
    assert!(
        md.contains("## Moments traced") && md.contains("| With a repair | 12 | 0 | 0 |"),
        "{md}"
    );
    let page = html(&report, &catalog());
    assert!(page.contains("aria-label=\"Chart: Fears checked against what happened."));

    let chosen = report_of(
        &entries,
        Filter::default(),
        Include {
            episodes: true,
            predictions: true,
            ..Include::default()
        },
    );
    holds(
        &chosen,
        &[
            "moment-M5",
            "repair-M5",
            "fear-M7",
            "instead-M7",
            "the moments you traced and your predictions",
        ],
        &["answer-M", "notes-M"],
    );
}

#[test]
fn an_urge_in_their_own_words_stays_out_of_a_default_report() {
    let mut entries = journal();
    for e in &mut entries {
        e.episodes[0].triggers = vec![e.triggers[0].trigger.clone()];
        e.episodes[0].urges = vec!["check his phone at night".into()];
    }
    let default = report_of(&entries, Filter::default(), Include::default());
    assert!(
        !default.insights.episodes.urges.is_empty(),
        "there is a usual urge to show"
    );
    holds(&default, &["one in your own words"], &["check his phone"]);
    let chosen = report_of(
        &entries,
        Filter::default(),
        Include {
            episodes: true,
            ..Include::default()
        },
    );
    assert!(markdown(&chosen, &catalog()).contains("“check his phone at night”"));
}

/// Issue 37, item 15: the Markdown report has tables, not charts, and does not speak of dots;
/// the page's words say how the chart marks a day.
#[test]
fn markdown_does_not_speak_of_a_chart_it_does_not_have() {
    let report = report_of(&journal(), Filter::default(), Include::default());
    let md = markdown::markdown(&report, &catalog());
    let over_time = md
        .split("## Mood and closeness over time")
        .nth(1)
        .unwrap()
        .split("\n|")
        .next()
        .unwrap();
    assert!(!over_time.contains("dot"), "{over_time}");
    assert!(!over_time.contains("lines"), "{over_time}");
    assert!(over_time.contains("The table gives"), "{over_time}");
    let page = html::html(&report, &catalog());
    assert!(page.contains("a dot for mood and a triangle for closeness"));
}

/// Issue 37, item 15: where mood and closeness are equal, their marks stay apart (a closeness
/// day is an outlined triangle, not a see-through fill that mixes with the mood dot into a
/// grey), and the legend shows the very marks the chart draws.
#[test]
fn equal_mood_and_closeness_are_drawn_apart_as_the_legend_shows() {
    let mut entries = journal();
    for e in &mut entries {
        e.closeness = Closeness::try_from(e.mood.unwrap().get()).ok();
    }
    let report = report_of(&entries, Filter::default(), Include::default());
    let chart = sections(&report, &catalog())
        .iter()
        .find_map(|s| {
            s.chart
                .clone()
                .filter(|c| matches!(c, chart::Chart::OverTime { .. }))
        })
        .unwrap();
    let svg = chart::svg(&chart).unwrap();
    let closeness = "#9C4A00";
    let marks: Vec<String> = svg
        .split('<')
        .filter(|t| t.starts_with("polygon") || t.starts_with("polyline"))
        .map(str::to_uppercase)
        .filter(|t| t.contains(closeness))
        .collect();
    // A closeness mark for each day, and one in the legend: all outlines, never filled.
    let outlines = marks
        .iter()
        .filter(|t| t.starts_with("POLYLINE") && t.contains(&format!("STROKE=\"{closeness}\"")))
        .count();
    assert!(outlines > entries.len(), "{svg}");
    assert!(
        !marks
            .iter()
            .any(|t| t.contains(&format!("FILL=\"{closeness}\""))),
        "a filled closeness mark: {marks:?}"
    );
}

/// Issue 37, item 15: on a phone the charts fit the width (nothing is hidden in a box that
/// scrolls sideways without a word).
#[test]
fn charts_fit_a_phone_and_do_not_scroll_sideways() {
    let report = report_of(&journal(), Filter::default(), Include::default());
    let page = html::html(&report, &catalog());
    assert!(!page.contains("overflow-x"), "a sideways-scrolling box");
    assert!(!page.contains("600px"), "a chart wider than a phone");
}

/// Issue 33: the cycle goes in only when chosen; twelve moments draw it, in both formats; a
/// safety trigger in the window puts the safety words in its place, with no map.
#[test]
fn the_cycle_is_opt_in_and_never_drawn_over_a_safety_trigger() {
    let entries = journal();
    let without = report_of(&entries, Filter::default(), Include::default());
    assert!(!markdown(&without, &catalog()).contains("Their cycle"));
    let with = Include {
        cycle: true,
        ..Include::default()
    };
    let report = report_of(&entries, Filter::default(), with);
    let (md, page) = (markdown(&report, &catalog()), html(&report, &catalog()));
    for text in [&md, &page] {
        assert!(text.contains("Their cycle"), "{text}");
        assert!(text.contains("Drawn from 12 moments"), "{text}");
        assert!(text.contains("What starts it") && text.contains("Go quiet (12)"));
    }
    assert!(
        !md.contains("repair-M"),
        "the cycle is figures, not the words of repairs"
    );

    let mut frightened = entries;
    frightened[3].triggers[0].trigger = TriggerRef::Id(Name::try_from("control-or-fear").unwrap());
    let report = report_of(&frightened, Filter::default(), with);
    let md = markdown(&report, &catalog());
    assert!(md.contains("not a cycle two people make"), "{md}");
    assert!(
        !md.contains("What starts it"),
        "no map over a safety trigger:\n{md}"
    );
}

/// Issue 34: turning toward is in the figures (a section, week by week, counts only), and the
/// person's own lines of bids, breaks and ladders only with `--include turning`.
#[test]
fn turning_toward_is_counted_and_its_words_are_opt_in() {
    let mut entries = journal();
    for (i, e) in entries.iter_mut().enumerate() {
        e.bids.push(crate::journal::Bid {
            kind: crate::journal::BidKind::Theirs,
            turn: Some(crate::journal::Turn::Toward),
            text: format!("private-bid-{i}"),
            ..Default::default()
        });
    }
    let figures = report_of(&entries, Filter::default(), Include::default());
    let md = markdown(&figures, &catalog());
    assert!(md.contains("Turning toward"), "{md}");
    assert!(
        md.contains(&format!("From them: {} bids", entries.len())),
        "{md}"
    );
    assert!(!md.contains("private-bid-"), "no words by default");
    let with = Include {
        turning: true,
        ..Include::default()
    };
    let md = markdown(&report_of(&entries, Filter::default(), with), &catalog());
    assert!(md.contains("private-bid-0"), "{md}");
}

/// Issue 35: each scale by weekday and by time of day, and tags against each scale, are in
/// the report as insights count them; an average on fewer than 5 days and a tag without 5
/// days on each side are said to be too few, never given as a figure.
#[test]
fn weekdays_times_of_day_and_tags_are_the_insights_figures_with_small_numbers_said() {
    let mut entries = journal();
    for (i, e) in entries.iter_mut().enumerate() {
        if i % 2 == 0 {
            e.tags.push("rest".to_owned());
        }
        if i < 2 {
            e.tags.push("travel".to_owned());
        }
    }
    let report = report_of(&entries, Filter::default(), Include::default());
    let when = &report.insights.when;
    let expected = insights::when::when(&entries, window(), Weekday::Mon);
    assert_eq!(when, &expected);
    let md = markdown(&report, &catalog());
    assert!(md.contains("## Mood and closeness by weekday"), "{md}");
    assert!(md.contains("## Mood and closeness by time of day"), "{md}");
    assert!(md.contains("## Tags against mood and closeness"), "{md}");
    // Twelve days: no weekday has five, so every weekday says so and none has an average.
    assert!(md.contains("| Monday | – | – | 2 |"), "{md}");
    assert!(
        md.contains("Not enough data yet for any weekday: an average is given from 5 days on"),
        "{md}"
    );
    // All twelve written at noon: the afternoon has an average, the morning none.
    let afternoon = &when.dayparts[1];
    let mood = afternoon.scales[crate::journal::Scale::Mood]
        .average
        .unwrap();
    let close = afternoon.scales[crate::journal::Scale::Closeness]
        .average
        .unwrap();
    let row = format!("| afternoon (12–17) | {mood:.1} | {close:.1} | 12 |");
    assert!(md.contains(&row), "missing {row} in {md}");
    assert!(md.contains("| morning (5–12) | – | – | 0 |"), "{md}");
    assert!(
        !md.contains("Not enough data yet for morning"),
        "a time of day without a check-in says 0 in the table: {md}"
    );
    // Six days with "rest" and six without: compared. "travel" on two, "work" on every day:
    // too few on one side, said in words.
    let rest = when.tags.iter().find(|t| t.tag == "rest").unwrap();
    let c = rest.scales[crate::journal::Scale::Mood];
    assert!(c.enough());
    let row = format!(
        "| #rest | {:.1} | {:.1} |",
        c.with.unwrap(),
        c.without.unwrap()
    );
    assert!(md.contains(&row), "missing {row} in {md}");
    assert!(md.contains("| 6 / 6 |"), "{md}");
    for thin in [
        "#travel: mood and closeness: not enough data yet (2 days with it, 10 without",
        "#work: mood and closeness: not enough data yet (12 days with it, 0 without",
    ] {
        assert!(md.contains(thin), "missing {thin} in {md}");
    }
    assert!(!md.contains("| #work |"), "{md}");
    // The page has the same tables.
    let page = html(&report, &catalog());
    assert!(page.contains("Mood and closeness by weekday"));
    assert!(page.contains("<th scope=\"row\">#rest</th>"), "{page}");
}
