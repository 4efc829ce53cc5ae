//! The interface's own words. Guidance drawn from the articles lives in `content/`, not here.

/// The app's name as shown in titles.
pub const APP: &str = "closer";

/// First run: the greeting.
pub const WELCOME_TITLE: &str = "Welcome to closer";
/// First run: what the app is.
pub const WELCOME_BODY: &str = "A quiet place to check in with yourself each day: how you feel, \
how close you feel to your partner, what stirred things up, and what helps.";
/// First run: the perspective question.
pub const WELCOME_QUESTION: &str = "Which fits you best right now?";
/// First run: explanations beside each perspective.
pub const PERSPECTIVE_HINTS: [&str; 3] = [
    "I notice myself withdrawing from my partner",
    "I feel my partner withdrawing from me",
    "each of us does, at different times",
];
/// First run: where the journal is kept (followed by the path).
pub const WELCOME_WHERE: &str = "Your journal is kept in";
/// First run: the privacy promise.
pub const WELCOME_PRIVATE: &str =
    "It never leaves this computer: no account, no network, no tracking.";

/// Home: today's check-in is done.
pub const CHECKED_IN: &str = "You checked in today.";
/// Home: no check-in yet today.
pub const NOT_CHECKED_IN: &str = "Not checked in yet today.";
/// Home: the heading above the prompt of the day.
pub const TODAY_QUESTION: &str = "Today's question";
/// Home: while the journal is being read.
pub const LOADING: &str = "Reading your journal…";

/// Home: files with problems (followed by the count and this).
pub fn problems_line(count: usize) -> String {
    let files = if count == 1 {
        "file in your journal needs"
    } else {
        "files in your journal need"
    };
    format!("{count} {files} a look: run `closer doctor` to see which and why.")
}

/// Support screen title.
pub const SUPPORT_TITLE: &str = "support";

/// The Support screen, as (heading, lines) sections. Lines starting with "- " are list items.
pub const SUPPORT: &[(&str, &[&str])] = &[
    (
        "closer is not therapy",
        &[
            "closer is a journal. It can help you notice patterns and put feelings into words, \
             but it is not a therapist, a diagnosis or medical advice, and it cannot respond \
             to you in a crisis.",
        ],
    ),
    (
        "If you are in danger right now",
        &[
            "If you might hurt yourself or someone else, or you are not safe at home, contact \
             emergency services now:",
            "- 112 (EU and many other countries) · 911 (US and Canada) · 999 (UK)",
            "- 988 (US and Canada): call or text, free at any hour",
            "- UK and Ireland: Samaritans, 116 123, free at any hour",
            "- Elsewhere: findahelpline.com lists free, confidential lines by country",
        ],
    ),
    (
        "If you are afraid of your partner",
        &[
            "Distance is one thing; fear, control or harm is another, and it is never your \
             fault. Confidential help:",
            "- US: National Domestic Violence Hotline, 1-800-799-7233",
            "- UK: National Domestic Abuse Helpline, 0808 2000 247",
            "- Elsewhere: findahelpline.com, or your local emergency number",
            "- Read \"When distance is about safety\" (press s) for signs and what may help.",
        ],
    ),
    (
        "If you can't talk safely at home",
        &[
            "If someone might overhear you, text or chat instead of calling. Use a phone or \
             computer your partner can't check, and clear what it keeps if you need to.",
            "- US: text START to 88788, or chat at thehotline.org (National Domestic Violence \
             Hotline)",
            "- US: call or text 988, or chat at 988lifeline.org",
            "- US: text HOME to 741741 (Crisis Text Line)",
            "- Canada: text 988",
            "- UK: text SHOUT to 85258 (Shout)",
            "- UK: the National Domestic Abuse Helpline, 0808 2000 247, can call you back at a \
             time you say is safe; ask on its website.",
            "- Elsewhere: findahelpline.com lists text and chat services by country",
        ],
    ),
    (
        "I'm worried about how I treat my partner",
        &[
            "Maybe you notice anger, jealousy or an urge to check up on your partner, or they \
             seem afraid of you. Noticing it is a brave first step, and help to change is \
             there. These services talk with people worried about their own behaviour, in \
             confidence:",
            "- US: National Domestic Violence Hotline, 1-800-799-7233 (it also takes calls from \
             people worried they are hurting a partner)",
            "- UK: Respect Phoneline, 0808 802 4040",
            "- Elsewhere: findahelpline.com, or a counsellor or your doctor",
            "If anyone is in danger right now, call your local emergency number.",
        ],
    ),
    (
        "Who else can read this journal",
        &[
            "closer keeps your journal as files on this computer, and keeps deleted entries for \
             a while so you can undo. Unless you encrypt it, anyone who can use this computer, \
             or your account on it, may be able to read them.",
            "- The command closer encrypt locks everything you write with a passphrase. Then closer asks \
             for it to show your journal, and a check-in can be written without it.",
            "- Ctrl-Q hides closer at once, on any screen, even while you type; pressed again, \
             it leaves. What you were writing is kept.",
            "- Encryption does not hide that closer is here, nor the days you wrote on, and it \
             cannot protect you from someone who controls this computer while it is open. The \
             README's \"What encryption protects, and what it does not\" says exactly what it \
             does.",
            "- If you share the computer, a user account of your own is safer still.",
            "- A service on this screen can help you think about staying safe online.",
        ],
    ),
    (
        "Finding professional help",
        &[
            "Talking with someone trained can make a real difference, on your own or as a couple:",
            "- your doctor or GP can listen and point you to local services",
            "- a licensed therapist or counsellor, for your own patterns and history",
            "- a couples therapist, when you both feel safe and want to work on the distance \
             together",
            "Many offer a short first call, and some work on a sliding scale.",
        ],
    ),
];
