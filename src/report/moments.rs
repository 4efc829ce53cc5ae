//! The report's sections on fears written down as predictions and on moments traced.

use super::{Report, Section, Table, chart, one, words};
use crate::content::Catalog;
use crate::journal::insights;
use crate::journal::vocabulary::count;

/// "Fears checked against what happened" and "Moments traced", when the window has any.
pub(super) fn sections(report: &Report, catalog: &Catalog) -> Vec<Section> {
    let i = &report.insights;
    let mut out = Vec::new();
    if i.predictions.made > 0 {
        out.push(fears_section(&i.predictions, catalog));
    }
    if i.episodes.count > 0 {
        out.push(moments_section(report, catalog));
    }
    out
}

/// Fears written down as predictions, checked against what happened.
fn fears_section(p: &insights::moments::Predictions, catalog: &Catalog) -> Section {
    let min = insights::MIN_DAYS;
    let answered = p.answered();
    let enough = answered >= min;
    let mut rows = vec![
        vec!["Made".to_owned(), p.made.to_string()],
        vec!["Looked back on".to_owned(), answered.to_string()],
        vec!["It happened".to_owned(), p.yes.to_string()],
        vec!["Partly".to_owned(), p.partly.to_string()],
        vec!["It did not happen".to_owned(), p.no.to_string()],
        vec!["Still open".to_owned(), p.open.to_string()],
        vec!["Dropped".to_owned(), p.dropped.to_string()],
    ];
    if p.rated >= min {
        rows.push(vec![
            format!("How bad it was feared to be (1–5, {} answers)", p.rated),
            one(p.predicted_badness),
        ]);
        rows.push(vec![
            format!("How bad it really was (1–5, {} answers)", p.rated),
            one(p.actual_badness),
        ]);
    }
    let mut after: Vec<String> = p
        .by_trigger
        .iter()
        .map(|t| {
            format!(
                "{}: {} of {} came true at least in part; feared {}, really {}",
                words::shown(&catalog.trigger_label(&t.trigger)),
                t.came_true,
                t.answered,
                one(t.predicted_badness),
                one(t.actual_badness)
            )
        })
        .collect();
    if !enough {
        after.insert(
            0,
            format!(
                "Not enough looked back on yet to say how often fears came true ({answered} of the {min} needed)."
            ),
        );
    }
    Section {
        title: "Fears checked against what happened".to_owned(),
        intro: "Fears written down as predictions in the check-in, with how likely and how \
                bad they felt, and, on the day chosen, what really happened."
            .to_owned(),
        chart: enough.then(|| chart::Chart::Bars {
            labels: vec![
                "It happened".to_owned(),
                "Partly".to_owned(),
                "It did not happen".to_owned(),
            ],
            values: vec![f64::from(p.yes), f64::from(p.partly), f64::from(p.no)],
            notes: Vec::new(),
            axis: "predictions looked back on".to_owned(),
        }),
        table: Table {
            header: vec![String::new(), "Predictions".to_owned()],
            rows,
        },
        after,
    }
}

/// Moments traced, how they ended with and without a repair, and the urge most often felt
/// with each trigger.
fn moments_section(report: &Report, catalog: &Catalog) -> Section {
    let e = &report.insights.episodes;
    let min = insights::MIN_DAYS;
    let ends = |counts: [u32; 3]| {
        let n: u32 = counts.iter().sum();
        if n < min {
            vec![
                format!("not enough yet ({n})"),
                "–".to_owned(),
                "–".to_owned(),
            ]
        } else {
            counts.iter().map(u32::to_string).collect()
        }
    };
    let mut with = vec!["With a repair".to_owned()];
    with.extend(ends(e.ended_with_repair));
    let mut without = vec!["Without a repair".to_owned()];
    without.extend(ends(e.ended_without_repair));
    let after = e
        .urges
        .iter()
        .map(|u| {
            // An urge in the person's own words is their words: only when they chose
            // to include their moments.
            let urge = if catalog.urge(&u.urge).is_some() || report.include.episodes {
                format!("“{}”", words::shown(catalog.urge_label(&u.urge)))
            } else {
                "one in your own words".to_owned()
            };
            format!(
                "{}: the urge most often was {urge} ({} of {} moments)",
                words::shown(&catalog.trigger_label(&u.trigger)),
                u.times,
                u.moments
            )
        })
        .collect();
    Section {
        title: "Moments traced".to_owned(),
        intro: format!(
            "{} traced from what happened to how it ended; a repair was tried in {}. \
             How they ended, with and without a repair:",
            count(e.count, "moment", "moments"),
            e.repaired
        ),
        chart: None,
        table: Table {
            header: vec![
                String::new(),
                "Closer".to_owned(),
                "About the same".to_owned(),
                "Further apart".to_owned(),
            ],
            rows: vec![with, without],
        },
        after,
    }
}
