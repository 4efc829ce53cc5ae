//! The command line as clap reads it: every option and subcommand, with its help and
//! examples (the manual pages and the completions are made from the same).

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use super::{export, report};
use crate::journal::PerspectiveChoice;

pub(super) const EXAMPLES: &str = "\
Examples:
  closer                          open the journal
  closer checkin                  go straight to today's check-in
  closer review                   open your past entries
  closer --data-dir ~/journal     use another data folder
  closer doctor                   check the journal's files, changing nothing
  closer prompt                   print today's question (for a shell greeting)
  closer stats --json             insights for scripts
  closer export --format markdown > journal.md
  closer report --from 2026-09-01  a page with charts, to read or to bring to a therapist
  closer import jrnl.json --dry-run
  closer status --short           for a shell prompt
  closer predictions              fears written as predictions, the ones due first";

/// A calm terminal journal for noticing distance in a relationship, and what helps.
///
/// Everything you write stays on this computer, in the data folder.
#[derive(Debug, Parser)]
#[command(name = "closer", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// The data folder [default: the platform's data folder, e.g. ~/.local/share/closer]
    #[arg(
        long,
        global = true,
        env = "CLOSER_DATA_DIR",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub data_dir: Option<PathBuf>,

    /// The settings file [default: config.toml in the config folder, e.g. ~/.config/closer]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// Read the passphrase of an encrypted journal from this open file descriptor (one line;
    /// a new one for `closer encrypt` twice, on two lines; for `closer passphrase`, three: the
    /// passphrase now, then the new one twice)
    #[arg(long, global = true, value_name = "N", help_heading = "Global options")]
    pub passphrase_fd: Option<u32>,

    /// What to do; without one, the journal opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the journal at your past entries: timeline, search, filters.
    #[command(after_help = "Example:\n  closer review")]
    Review,

    /// Open the journal straight at today's check-in.
    #[command(after_help = "Example:\n  closer checkin")]
    Checkin,

    /// Check the journal's files and say what is wrong and where, changing nothing.
    ///
    /// Exits 0 when the journal is healthy and 1 when a file needs a look. With
    /// --merge-conflicts it first takes in the conflict copies a file-sync tool made (and
    /// changes only the days, the unfinished check-ins and the state.json they concern); with
    /// --fix-permissions it first makes every file private (and changes nothing else).
    #[command(
        after_help = "Examples:\n  closer doctor --data-dir ~/journal\n  closer doctor --merge-conflicts   # after Syncthing, Dropbox or Nextcloud made conflict copies\n  closer doctor --fix-permissions   # when doctor says files can be read by others"
    )]
    Doctor {
        /// Take in the conflict copies a file-sync tool made: of day files, merged into their
        /// days (entries by id, the newer version kept); of the unfinished check-in, offered
        /// to resume after the one in progress; of state.json, its own triggers and feelings
        /// added. Nothing is lost; each copy merged is kept in the trash
        #[arg(long)]
        merge_conflicts: bool,
        /// Make every file and folder in the data folder private to you (no permissions for
        /// others: files 600, folders 700); symbolic links are not followed, nothing else changes
        #[arg(long)]
        fix_permissions: bool,
    },

    /// Print the insights: check-ins, streaks, mood and closeness, triggers, what helped.
    ///
    /// A comparison with fewer than 5 days on either side says "not enough data yet".
    #[command(
        after_help = "Examples:\n  closer stats\n  closer stats --from 2026-01-01 --to 2026-03-31\n  closer stats --json | jq .mood"
    )]
    Stats {
        /// First day (YYYY-MM-DD) [default: the journal's first day]
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Print JSON, for scripts
        #[arg(long)]
        json: bool,
    },

    /// Export entries: Markdown to read, JSON to move (lossless), or CSV for spreadsheets.
    ///
    /// To standard output, or with -o to a file (written atomically, private to you; an
    /// existing file is only replaced with --force).
    #[command(
        after_help = "Examples:\n  closer export --format markdown > journal.md\n  closer export --format json -o backup.json\n  closer export --format csv --from 2026-01-01 --to 2026-06-30 -o first-half.csv\n  closer export --format csv --bom -o journal.csv   # for Excel\n\nCSV has one row per entry and every field; lists of words are joined with '; ',\ntriggers, strategies and answers are one per line inside their cell."
    )]
    Export {
        /// markdown, json or csv
        #[arg(long, value_enum)]
        format: export::Format,
        /// First day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
        /// Start the CSV with a UTF-8 byte order mark, so Excel shows accents and emoji right
        #[arg(long)]
        bom: bool,
        /// Encrypt the export (age format) to the journal's own key: an encrypted journal only
        #[arg(long)]
        encrypt: bool,
        /// Encrypt the export (age format) to this age recipient (age1…), someone else's key or
        /// your own; repeat for more. The age tool decrypts it: age -d -i KEY-FILE
        #[arg(long, value_name = "AGE-RECIPIENT")]
        recipient: Vec<String>,
    },

    /// Make a report to read yourself or bring to a therapist: summary and charts of a window.
    ///
    /// By default it holds figures and charts only, none of your own words; add --include
    /// answers, notes, moments and/or predictions to put those in. HTML is one self-contained
    /// page (nothing is fetched from the internet) that reads on a phone and prints; Markdown
    /// has tables instead of charts. Without -o, it is written to a new file in this folder, readable by
    /// you only; `-o -` writes to standard output.
    #[command(
        after_help = "Examples:\n  closer report\n  closer report --from 2026-09-01 --to 2026-11-30 -o autumn.html\n  closer report --trigger feeling-ignored --include answers,notes,moments\n  closer report --format markdown -o - | less"
    )]
    Report {
        /// First day (YYYY-MM-DD) [default: the journal's first day]
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Only entries with this trigger (its id, its name, or one of your own); repeat for more
        #[arg(long, value_name = "TRIGGER")]
        trigger: Vec<String>,
        /// Only entries with this tag; repeat for more
        #[arg(long, value_name = "TAG")]
        tag: Vec<String>,
        /// Your own words to put in: answers, notes, moments, predictions, or several
        /// (answers,notes,moments) [default: none]
        #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
        include: Vec<report::Part>,
        /// html (a page with charts) or markdown (tables)
        #[arg(long, value_enum, default_value = "html")]
        format: crate::report::Format,
        /// Write to this file (`-`: standard output) [default: closer-report-DATE.html here]
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },

    /// Import entries from closer's own JSON export, jrnl (jrnl --export json) or tui-journal.
    ///
    /// The file is read and checked whole before anything is written. Entries already in the
    /// journal are left out, so importing the same file twice adds nothing the second time.
    /// From jrnl and tui-journal, a title and body become the notes and tags stay tags.
    #[command(
        after_help = "Examples:\n  closer import backup.json\n  jrnl --export json > jrnl.json && closer import jrnl.json --dry-run"
    )]
    Import {
        /// The file to import
        file: PathBuf,
        /// Only say what would be added
        #[arg(long)]
        dry_run: bool,
    },

    /// The fears you wrote as predictions that are still open, the ones due first.
    ///
    /// A check-in can write a fear down as a prediction ("they will be cold all weekend"),
    /// with how likely and how bad it feels and a day to look back on; on that day the next
    /// check-in asks what really happened.
    #[command(
        after_help = "Examples:\n  closer predictions\n  closer predictions --all\n  closer predictions --json | jq '.[] | select(.due)'"
    )]
    Predictions {
        /// The ones looked back on too, with what came of them
        #[arg(long)]
        all: bool,
        /// Print JSON, for scripts
        #[arg(long)]
        json: bool,
    },

    /// Write a backup of the whole journal now: entries, trash, settings and your own files.
    ///
    /// closer also writes one by itself on the first save of each day, and keeps the last 7
    /// daily, 4 weekly and 12 monthly (backup_keep in config.toml). They go into the
    /// closer-backups folder beside the data folder unless config.toml's backup_dir (or --to)
    /// names another, ideally on another disk. Each is one .tar.gz file any unpacking tool
    /// opens; none replaces another, even two made in the same second.
    ///
    /// An encrypted journal's backup holds its files encrypted, and needs no passphrase. It
    /// counts the entries only when the passphrase is given (--passphrase-fd); otherwise it
    /// says how many day files it holds.
    #[command(
        after_help = "Examples:\n  closer backup\n  closer backup --to /media/usb/closer-backups\n  pass show closer | closer backup --passphrase-fd 0   # an encrypted journal, its entries counted"
    )]
    Backup {
        /// Write it into this folder instead
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },

    /// List the backups: when, how big, how many entries; each one read to its end and checked.
    ///
    /// A backup whose gzip checksum or the SHA-256 of a file in it (listed in its manifest)
    /// does not match is marked "damaged", with what is wrong. An encrypted backup made without
    /// the passphrase lists its day files instead: its entries are in it, but counting them
    /// needs the passphrase.
    #[command(after_help = "Example:\n  closer backups")]
    Backups,

    /// Put a backup back: into an empty folder as it was, or merged into a journal.
    ///
    /// Into a journal with entries, entries are matched by id: ones it lacks are added, the
    /// newer version of one changed on both is kept, nothing is removed, and an entry deleted
    /// here stays deleted. Every change is listed. Its settings are kept.
    ///
    /// An encrypted backup asks for the passphrase it was made with, unless it has this
    /// journal's key. Into an empty folder its key comes along, so the journal is encrypted as
    /// it was; into an encrypted journal, what it adds is encrypted with that journal's key.
    /// Into a journal that is not encrypted it would be written in plain text: closer asks
    /// first on a terminal, and elsewhere refuses unless --decrypt is given.
    ///
    /// The backup is read whole and checked before anything is written: its gzip checksum and
    /// each file's size and SHA-256 (from its manifest). A damaged one is refused, saying what
    /// is wrong, and nothing is restored.
    #[command(
        after_help = "Examples:\n  closer restore ~/.local/share/closer-backups/closer-backup-2026-11-30T091500.tar.gz --dry-run\n  closer restore backup.tar.gz --data-dir ~/journal-copy\n  closer restore encrypted-backup.tar.gz --decrypt   # into a plain journal, in plain text"
    )]
    Restore {
        /// The archive (a closer-backup-….tar.gz)
        archive: PathBuf,
        /// Only say what would change (the backup is read and checked; nothing is written, and
        /// no data folder is made)
        #[arg(long)]
        dry_run: bool,
        /// Restore an encrypted backup into a journal that is not encrypted, writing its
        /// entries in plain text (without it, closer asks on a terminal and refuses elsewhere)
        #[arg(long)]
        decrypt: bool,
    },

    /// Sync the journal with your other computers through git.
    ///
    /// The first time, the data folder becomes a git repository (the lock, the draft and
    /// temporary files stay out). Each time, what changed is committed; with a remote set up
    /// (`git -C DATA remote add origin URL`, with your own git and credentials), it is pulled
    /// and pushed. A day written on two computers merges by entry id (closer merge-day): both
    /// sides' entries kept, the newer version of one changed on both, a deletion travels.
    #[command(
        after_help = "Examples:\n  closer sync\n  git -C ~/.local/share/closer remote add origin git@example.org:me/journal.git && closer sync"
    )]
    Sync,

    /// Encrypt the journal: everything you write, at rest, with a passphrase (age format).
    ///
    /// Asks for a new passphrase twice. There is no way to get your entries back without it.
    /// Each file is converted on its own, so a stop at any moment loses nothing: run the
    /// command again to finish. Once encrypted, closer asks for the passphrase to read the
    /// journal; a check-in can be written without it (`closer checkin`).
    #[command(after_help = "Examples:
  closer encrypt
  (pass show closer; pass show closer) | closer encrypt --passphrase-fd 0   # the new passphrase twice")]
    Encrypt,

    /// Decrypt the journal: every file back to plain JSON, and the key removed.
    #[command(after_help = "Example:
  closer decrypt")]
    Decrypt,

    /// Change the passphrase of an encrypted journal (only its key file is written again).
    #[command(after_help = "Example:
  closer passphrase")]
    Passphrase,

    /// The merge driver git calls for day files during `closer sync` (not for people).
    #[command(hide = true)]
    MergeDay {
        /// The common ancestor (%O)
        base: PathBuf,
        /// This computer's version, and where the merge goes (%A)
        ours: PathBuf,
        /// The other's version (%B)
        theirs: PathBuf,
        /// The file's path in the repository (%P)
        path: Option<PathBuf>,
    },

    /// One line: checked in today? and the streak. Exits 0 when checked in today, 1 when not.
    #[command(
        after_help = "Examples:\n  closer status            # checked in today · 5-day streak\n  closer status --short    # ✓ 5\n  closer status --short || echo 'a minute for yourself?'"
    )]
    Status {
        /// A short form for shell prompts: ✓ or · and the streak
        #[arg(long)]
        short: bool,
    },

    /// Print a completion script for your shell.
    #[command(
        after_help = "Examples:\n  closer completions bash > ~/.local/share/bash-completion/completions/closer\n  closer completions zsh > \"${fpath[1]}/_closer\"\n  closer completions fish > ~/.config/fish/completions/closer.fish"
    )]
    Completions {
        /// bash, zsh or fish
        #[arg(value_enum)]
        shell: CompletionShell,
    },

    /// Print the manual page (roff), made from the same definitions as --help and the keys.
    ///
    /// With --dir, write closer.1 and a page per subcommand (closer-export.1, …) into a
    /// folder instead.
    #[command(
        after_help = "Examples:\n  closer man > closer.1 && man ./closer.1\n  closer man --dir ~/.local/share/man/man1 && man closer-export"
    )]
    Man {
        /// Write every page into this existing folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },

    /// Print today's question: the same all day, a new one tomorrow.
    ///
    /// It fits the perspective you chose in the journal, and skips questions you answered in
    /// the last 30 days. Handy in a shell greeting.
    #[command(
        after_help = "Examples:\n  closer prompt\n  closer prompt --perspective partner-pulls-away\n  closer prompt --perspective both"
    )]
    Prompt {
        /// Whose distance to ask about: i-pull-away, partner-pulls-away or both [default: the
        /// one in config.toml, else the one chosen in the journal]
        #[arg(long, value_parser = perspective_parser())]
        perspective: Option<PerspectiveChoice>,
    },
}

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

/// A perspective on the command line, by its id (the journal's own enum, so there is one).
pub(super) fn perspective_parser() -> impl clap::builder::TypedValueParser<Value = PerspectiveChoice>
{
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(PerspectiveChoice::ALL.iter().map(|p| p.id()))
        .try_map(|id| PerspectiveChoice::from_id(&id).ok_or("not a perspective"))
}
