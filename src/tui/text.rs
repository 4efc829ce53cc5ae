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

/// [`LOADING`], with how far the read has got ("1234 of 49928 days") once that is known.
pub fn loading(days_read: Option<String>) -> String {
    match days_read {
        Some(days) => format!("{LOADING} {days}"),
        None => LOADING.to_owned(),
    }
}

/// Home: files with problems (followed by the count and this).
pub fn problems_line(count: usize) -> String {
    let files = if count == 1 {
        "file in your journal needs"
    } else {
        "files in your journal need"
    };
    format!("{count} {files} a look: run `closer doctor` to see which and why.")
}

/// Home: entries a merge kept in two versions (followed by what to do).
pub fn two_versions_line(count: usize) -> String {
    let which = if count == 1 {
        "1 entry was changed on two computers and holds both versions"
    } else {
        &format!("{count} entries were changed on two computers and hold both versions")
    };
    format!("{which}: r, then f and \"Two versions\", to choose.")
}

/// Support screen title.
pub const SUPPORT_TITLE: &str = "support";

/// The Support screen, as (heading, lines) sections. Lines starting with "- " are list items.
pub const SUPPORT: &[(&str, &[&str])] = &[
    (
        "If you are in danger right now",
        &[
            "If you are thinking about suicide, might hurt yourself or someone else, or are not \
             safe at home, get help now:",
            "- Emergency: 112 (EU and many other countries) · 911 (US and Canada) · 999 (UK) · \
             000 (Australia)",
            "- UK, if you can't speak: call 999 on a mobile, cough or tap if you can, and press \
             55 when a recorded voice asks (the Silent Solution)",
            "- US, if you can't speak: some areas take a text to 911; where they don't, you get \
             a reply saying so",
            "- 988 (US and Canada): call or text about suicide or any crisis, free at any hour",
            "- UK and Ireland: Samaritans, 116 123, free at any hour",
            "- Elsewhere: findahelpline.com lists free, confidential lines by country",
        ],
    ),
    (
        "closer is not therapy",
        &[
            "closer is a journal. It can help you notice patterns and put feelings into words, \
             but it is not a therapist, a diagnosis or medical advice, and it cannot respond \
             to you in a crisis.",
        ],
    ),
    (
        "If you are afraid of your partner",
        &[
            "Distance is one thing; fear, control or harm is another, and it is never your \
             fault. Confidential help:",
            "- US: National Domestic Violence Hotline, 1-800-799-7233",
            "- UK, for women: National Domestic Abuse Helpline, 0808 2000 247",
            "- UK, for men: Men's Advice Line, mensadviceline.org.uk",
            "- UK, LGBT+: Galop, 0800 999 5428",
            "- Ireland, for women: Women's Aid, 1800 341 900, free at any hour",
            "- Australia: 1800RESPECT, 1800 737 732, at any hour; in danger, call 000",
            "- Elsewhere: findahelpline.com, or your local emergency number",
            "- Leaving, or saying you will leave, can be the most dangerous time: plan it with \
             a service first.",
            "- Read \"When distance is about safety\" (press s) for signs and what may help.",
        ],
    ),
    (
        "If you can't talk safely at home",
        &[
            "If someone might overhear you, text or chat instead of calling, on a phone or \
             computer your partner never touches.",
            "- US: text START to 88788, or chat at thehotline.org (National Domestic Violence \
             Hotline)",
            "- US: call or text 988, or chat at 988lifeline.org",
            "- US: text HOME to 741741 (Crisis Text Line)",
            "- Canada: text 988",
            "- UK: text SHOUT to 85258 (Shout)",
            "- UK: the National Domestic Abuse Helpline, 0808 2000 247, can call you back at a \
             time you say is safe; ask on its website.",
            "- Australia: text 0458 737 732 (1800RESPECT), or chat at 1800respect.org.au",
            "- Elsewhere: findahelpline.com lists text and chat services by country",
        ],
    ),
    (
        "I'm worried about how I treat my partner",
        &[
            "Maybe you check up on your partner, threaten or punish them, or they seem afraid \
             of you. Abuse is about control, not a temper, so anger management is not the \
             answer. Services for people who want to stop hurting a partner can help you \
             change, in confidence:",
            "- UK: Respect Phoneline, 0808 802 4040",
            "- US: National Domestic Violence Hotline, 1-800-799-7233; it also talks with people \
             worried that they are hurting a partner",
            "- Elsewhere: findahelpline.com lists services by country",
            "If anyone is in danger right now, call your local emergency number.",
        ],
    ),
    (
        "Who else can read this journal",
        &[
            "closer keeps your journal as files on this computer. Unless you encrypt it, anyone \
             who can use this computer, or your account on it, may be able to read them. closer \
             also keeps copies:",
            "- the trash: deleted entries stay in it until you empty it (t in review, then E)",
            "- backups: a copy of the whole journal each day, some kept for a year, in \
             closer-backups beside it (or where backup_dir says)",
            "- closer sync, if you use it: every version, on its remote and in its history",
            "Wiping everything at once can look unusual, and that can put you at risk. Delete \
             only what you need to, or write on a device they never touch.",
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
