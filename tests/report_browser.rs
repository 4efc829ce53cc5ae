//! A report as a person sees it: rendered by a real browser (headless Chromium), printed to
//! PDF, and its text read back from the browser's own DOM.
//!
//! Needs `chromium` (Debian's package; `.ci/run` installs it). Without it the test is
//! skipped, loudly, so `cargo test` passes on a machine with only Rust; under CI (`CI=true`) it
//! fails instead, as the other tests that need a tool do.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;

use std::path::Path;
use std::process::Command;

use closer::journal::{Name, StrategyUse, TriggerLog, TriggerRef};
use closer::store::Store;
use common::entry;

/// Runs the browser headless on `page` with `args`; gives standard output.
fn chromium(bin: &Path, profile: &Path, page: &Path, args: &[&str]) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the browser failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Sixty days of check-ins, with triggers (one of them the person's own, with markup in its
/// name) and strategies, so every chart has something to draw.
fn journal(root: &Path) {
    let store = Store::open(root).unwrap();
    for day in 0..60u32 {
        let date =
            chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap() + chrono::Days::new(day.into());
        let mut e = entry(&format!("{date}T20:00:00+01:00"), day);
        if day % 3 == 0 {
            e.triggers.push(TriggerLog {
                trigger: TriggerRef::Custom(Name::try_from("my <b>sister's</b> visit").unwrap()),
                intensity: None,
                note: String::new(),
                extra: Default::default(),
            });
        } else {
            e.triggers.clear();
        }
        e.strategies.push(StrategyUse {
            id: Name::try_from("active-listening").unwrap(),
            planned: true,
            tried: Some(day % 2 == 0),
            helpfulness: None,
            extra: Default::default(),
        });
        store.save_entry(&e).unwrap();
    }
}

/// The browser, and a report of the test journal written into a new folder (the folder, and
/// the page's path); `None`, said loudly, when there is no browser outside CI.
fn report_in_a_folder() -> Option<(std::path::PathBuf, tempfile::TempDir, std::path::PathBuf)> {
    let bin = common::needs::any_tool(
        &["chromium", "chromium-browser", "google-chrome"],
        "to render the report in a real browser (apt-get install chromium)",
    )?;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    journal(&root);
    let page = dir.path().join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_closer"))
        .args([
            "report",
            "--data-dir",
            root.to_str().unwrap(),
            "--from",
            "2026-09-01",
            "--to",
            "2026-10-30",
            "-o",
        ])
        .arg(&page)
        .env_remove("CLOSER_DATA_DIR")
        .env_remove("CLOSER_CONFIG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some((bin, dir, page))
}

#[test]
fn a_report_renders_in_a_real_browser_with_its_charts_labelled_and_prints() {
    let Some((bin, dir, page)) = report_in_a_folder() else {
        return;
    };
    let profile = dir.path().join("profile");

    // The DOM as the browser built it: every heading, every chart as an image with a label,
    // its axes and bars labelled in SVG text, the person's trigger as text, not markup.
    let dom = chromium(&bin, &profile, &page, &["--dump-dom"]);
    for heading in [
        "A closer report",
        "At a glance",
        "Mood and closeness over time",
        "Triggers",
        "Mood on days with and without each trigger",
        "What helped",
    ] {
        assert!(dom.contains(heading), "no “{heading}” in the page");
    }
    for chart in ["Mood and closeness over time", "Triggers", "What helped"] {
        assert!(
            dom.contains(&format!("role=\"img\" aria-label=\"Chart: {chart}.")),
            "the {chart} chart is missing or unlabelled"
        );
    }
    for label in [
        "mood, weekly",
        "closeness, a day",
        "1 low – 5 high",
        "check-ins",
        "times tried",
        "Fear of intimacy",
    ] {
        assert!(
            dom.contains(&format!(">{label}<")) || dom.contains(label),
            "no “{label}” drawn"
        );
    }
    assert!(
        dom.contains("my &lt;b&gt;sister's&lt;/b&gt; visit"),
        "the trigger's name is text"
    );
    assert!(
        !dom.contains("<b>sister"),
        "the trigger's name became markup"
    );
    assert!(!dom.contains("Answer number"), "no free text by default");

    // Printed: a PDF of more than one page.
    let pdf = dir.path().join("report.pdf");
    chromium(
        &bin,
        &profile,
        &page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    // Each page is an object "/Type /Page" (the tree above them is "/Type /Pages").
    let marker = b"/Type /Page";
    let pages = bytes
        .windows(marker.len() + 1)
        .filter(|w| w.starts_with(marker) && w[marker.len()] != b's')
        .count();
    assert!(pages >= 2, "the report printed on {pages} page(s)");

    // A picture of the first screen, as a phone would show it.
    let png = dir.path().join("phone.png");
    chromium(
        &bin,
        &profile,
        &page,
        &[
            "--window-size=390,844",
            &format!("--screenshot={}", png.display()),
        ],
    );
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

/// Issue 37, item 15: at phone width every chart fits its column, so the newest week is
/// never hidden in a box that scrolls sideways. The page is measured by the browser itself:
/// a copy of the report with a script that writes what overflows into the page.
#[test]
fn at_phone_width_every_chart_fits() {
    let Some((bin, dir, _report)) = report_in_a_folder() else {
        return;
    };
    // Headless Chromium keeps its window at least 500 pixels wide: the report is measured in
    // a frame as wide as a phone (390 CSS pixels), which its media queries see as the screen.
    let measure = "<!DOCTYPE html><html><body style='margin:0'>\
        <iframe id='phone' src='report.html' style='width:390px;height:844px;border:0'></iframe>\
        <script>addEventListener('load', () => { const d = document.getElementById('phone')\
        .contentDocument; const r = []; const w = d.documentElement.clientWidth;\
        r.push('WIDTH=' + w);\
        for (const f of d.querySelectorAll('figure')) { const s = f.querySelector('svg');\
        const wide = s && s.getBoundingClientRect().right > w + 1;\
        if (f.scrollWidth > f.clientWidth + 1 || wide) r.push(f.textContent.trim()); }\
        const p = document.createElement('pre');\
        p.textContent = 'OVERFLOWING[' + r.join('|') + ']'; document.body.appendChild(p); });\
        </script></body></html>";
    let measured = dir.path().join("measured.html");
    std::fs::write(&measured, measure).unwrap();
    let dom = chromium(
        &bin,
        &dir.path().join("profile"),
        &measured,
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ],
    );
    assert!(
        dom.contains("<pre>OVERFLOWING["),
        "the page was not measured"
    );
    assert!(
        dom.contains("<pre>OVERFLOWING[WIDTH=390]</pre>"),
        "charts wider than a phone: {}",
        {
            let at = dom.find("<pre>OVERFLOWING[").unwrap();
            &dom[at..(at + 300).min(dom.len())]
        }
    );
}
