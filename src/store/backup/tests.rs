use super::*;

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 1, 1)
        .unwrap()
        .checked_add_days(chrono::Days::new(u64::from(day)))
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

#[test]
fn rotation_over_400_days_keeps_exactly_the_configured_set() {
    let keep = Keep::default();
    // A backup every day for 400 days, rotated after each, as closer does.
    let mut kept_now: Vec<NaiveDateTime> = Vec::new();
    for day in 0..400 {
        kept_now.push(at(day));
        let keep_set = kept(&kept_now, keep);
        kept_now.retain(|m| keep_set.contains(m));
    }
    kept_now.sort();
    let last = at(399);
    // The last 7 days.
    for d in 393..400 {
        assert!(kept_now.contains(&at(d)), "day {d}");
    }
    // One a week for the last 4 ISO weeks, one a month for the last 12 months: the newest
    // of each, and nothing else.
    let mut expected: HashSet<NaiveDateTime> = (393..400).map(at).collect();
    let all: Vec<NaiveDateTime> = (0..400).map(at).collect();
    let newest_of = |same: &dyn Fn(&NaiveDateTime, &NaiveDateTime) -> bool, n: usize| {
        let mut picked: Vec<NaiveDateTime> = Vec::new();
        for m in all.iter().rev() {
            if picked.iter().any(|p| same(p, m)) {
                continue;
            }
            if picked.len() == n {
                break;
            }
            picked.push(*m);
        }
        picked
    };
    expected.extend(newest_of(
        &|a, b| a.date().iso_week() == b.date().iso_week(),
        4,
    ));
    expected.extend(newest_of(
        &|a, b| (a.year(), a.month()) == (b.year(), b.month()),
        12,
    ));
    let got: HashSet<NaiveDateTime> = kept_now.iter().copied().collect();
    assert_eq!(got, expected);
    assert!(got.len() <= 7 + 4 + 12);
    assert!(got.contains(&last));
    assert!(!got.contains(&at(0)), "older than a year is gone");
}

#[test]
fn keep_reads_as_written_and_refuses_nonsense() {
    assert_eq!(
        Keep::parse("7 daily, 4 weekly, 12 monthly"),
        Some(Keep::default())
    );
    assert_eq!(
        Keep::parse("30 days"),
        Some(Keep {
            daily: 30,
            weekly: 0,
            monthly: 0
        })
    );
    assert_eq!(Keep::parse("lots"), None);
    assert_eq!(Keep::parse("3 yearly"), None);
}

#[test]
fn default_folder_is_beside_the_data_folder() {
    assert_eq!(
        default_dir(Path::new("/home/you/.local/share/closer")),
        PathBuf::from("/home/you/.local/share/closer-backups")
    );
    assert!(made_of("closer-backup-2026-11-30T091500.tar.gz").is_some());
    assert!(made_of("holiday.tar.gz").is_none());
}

#[test]
fn a_second_backup_in_the_same_second_has_a_name_of_its_own() {
    let (made, seq) = made_of("closer-backup-2026-11-30T091500.tar.gz").unwrap();
    assert_eq!(seq, 1);
    assert_eq!(
        made_of("closer-backup-2026-11-30T091500-2.tar.gz"),
        Some((made, 2))
    );
    assert_eq!(
        made_of("closer-backup-2026-11-30T091500-12.tar.gz"),
        Some((made, 12))
    );
    assert_eq!(name_of(made, 1), "closer-backup-2026-11-30T091500.tar.gz");
    assert_eq!(name_of(made, 3), "closer-backup-2026-11-30T091500-3.tar.gz");
    // Not names closer writes: left alone by listing and rotation.
    for other in [
        "closer-backup-2026-11-30T091500-1.tar.gz",
        "closer-backup-2026-11-30T091500-02.tar.gz",
        "closer-backup-2026-11-30T091500-copy.tar.gz",
        "closer-backup-2026-11-30T091500-.tar.gz",
    ] {
        assert_eq!(made_of(other), None, "{other}");
    }
}

/// An archive with `manifest` first and empty files at `members`.
fn archive_of(dir: &Path, manifest: &str, members: &[&str]) -> PathBuf {
    let path = dir.join("closer-backup-2026-11-30T091500.tar.gz");
    let file = fs::File::create(&path).unwrap();
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        file,
        flate2::Compression::default(),
    ));
    append_bytes(&mut tar, "manifest.json", manifest.as_bytes()).unwrap();
    for m in members {
        append_bytes(&mut tar, m, b"age-encryption.org/v1\n").unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    path
}

#[test]
fn an_earlier_closers_backup_of_a_locked_encrypted_journal_is_not_read_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 0, "days": 0,
                      "closer": "0.1.0"}"#;
    let path = archive_of(
        dir.path(),
        old,
        &[
            "data/identity.age",
            "data/recipient.txt",
            "data/entries/2026/2026-11-01.json",
            "data/entries/2026/2026-11-02.json",
            "data/entries/2026/.closer-tmp-x.tmp",
            "data/inbox/20261103-090000-00000000.json",
            "data/state.json",
        ],
    );
    let m = manifest_of(&path).unwrap();
    assert!(m.encrypted && !m.counted, "{m:?}");
    assert_eq!((m.day_files, m.inbox), (2, 1));
    // One that counted, and a plain empty one, read as they say.
    let counted = r#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 3, "days": 2,
                          "closer": "0.1.0"}"#;
    let m = manifest_of(&archive_of(dir.path(), counted, &[])).unwrap();
    assert!(m.counted && !m.encrypted && m.entries == 3, "{m:?}");
    let m = manifest_of(&archive_of(dir.path(), old, &["data/state.json"])).unwrap();
    assert!(m.counted && !m.encrypted && m.entries == 0, "{m:?}");
}

/// A gzipped tar of `members` (path, bytes), in order, as closer writes them.
fn tar_gz(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    ));
    for (name, bytes) in members {
        append_bytes(&mut tar, name, bytes).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

/// A manifest as this closer writes it, listing `members`.
fn manifest_listing(members: &[(&str, &[u8])]) -> Vec<u8> {
    let sums: Vec<FileSum> = members.iter().map(|(n, b)| FileSum::of(n, b)).collect();
    let manifest = Manifest {
        made_at: DateTime::parse_from_rfc3339("2026-11-30T09:15:00+01:00").unwrap(),
        entries: 1,
        days: 1,
        closer: "0.1.0".to_owned(),
        encrypted: false,
        counted: true,
        day_files: 1,
        inbox: 0,
        files: sums.len(),
        sums,
    };
    serde_json::to_vec_pretty(&manifest).unwrap()
}

/// `bytes` are refused as a backup, saying `says`.
fn refused_saying(bytes: &[u8], says: &str) {
    let err = refusal(bytes);
    assert!(err.contains(says), "{err}");
}

/// The words of reading `bytes` as an archive.
fn refusal(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("closer-backup-2026-11-30T091500.tar.gz");
    fs::write(&path, bytes).unwrap();
    let err = read_archive(&path).unwrap_err().to_string();
    assert_eq!(
        manifest_of(&path).unwrap_err().to_string(),
        err,
        "the list says the same"
    );
    err
}

/// Issue 36: on macOS the config folder is the data folder's `config/` (and an earlier closer
/// kept config.toml beside the journal): the archive carries each config file once, as
/// settings under `config/`, never among the journal's files.
#[test]
fn a_backup_never_carries_config_files_with_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Application Support/closer");
    // Where `config::folders` puts the config folder when the two are one.
    let config = root.join(crate::store::layout::CONFIG_SUBFOLDER);
    fs::create_dir_all(root.join("entries/2026")).unwrap();
    fs::create_dir_all(&config).unwrap();
    fs::write(root.join("state.json"), b"{\"schema\": 1}").unwrap();
    fs::write(config.join("config.toml"), b"theme = \"default\"\n").unwrap();
    fs::write(config.join("strategies.toml"), b"# mine\n").unwrap();
    for old in ["config.toml", "prompts.toml", "strategies.toml"] {
        fs::write(root.join(old), b"# left by an earlier closer\n").unwrap();
    }
    // Only at the top: a journal's own folder named so deeper down is the journal's.
    fs::create_dir_all(root.join("trash/config")).unwrap();
    fs::write(root.join("trash/config/config.toml"), b"x").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-30T09:15:00+01:00").unwrap();
    let written = write(
        &Layout::new(&root),
        Some(&config),
        &dir.path().join("backups"),
        now,
        Keep::default(),
    )
    .unwrap();
    let unpacked = read_archive(&written.path).unwrap();
    let mut names: Vec<&String> = unpacked.files().keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "config/config.toml",
            "config/strategies.toml",
            "data/state.json",
            "data/trash/config/config.toml",
        ],
    );
    assert_eq!(
        unpacked.files()["config/config.toml"],
        b"theme = \"default\"\n".to_vec()
    );
}

#[test]
fn a_backup_has_its_manifest_last_listing_every_file_and_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let layout = Layout::new(&root);
    fs::create_dir_all(root.join("entries/2026")).unwrap();
    let day = br#"{"schema": 1, "date": "2026-11-30", "entries": []}"#;
    fs::write(root.join("entries/2026/2026-11-30.json"), day).unwrap();
    fs::write(root.join("state.json"), b"{\"schema\": 1}").unwrap();
    let config = dir.path().join("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.toml"), b"backup_keep = \"3 daily\"\n").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-30T09:15:00+01:00").unwrap();
    let written = write(
        &layout,
        Some(&config),
        &dir.path().join("backups"),
        now,
        Keep::default(),
    )
    .unwrap();
    let file = fs::File::open(&written.path).unwrap();
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let names: Vec<String> = tar
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "data/entries/2026/2026-11-30.json",
            "data/state.json",
            "config/config.toml",
            "manifest.json"
        ]
    );
    let unpacked = read_archive(&written.path).unwrap();
    let m = unpacked.manifest();
    assert_eq!(m, &written.manifest);
    assert_eq!(m.files, 3);
    assert_eq!(
        m.sums[0],
        FileSum {
            path: "data/entries/2026/2026-11-30.json".to_owned(),
            bytes: day.len() as u64,
            sha256: format!("{:x}", Sha256::digest(day)),
        }
    );
    // Day files are not held: they are read again, a day at a time, each checked.
    assert_eq!(
        unpacked.files().len(),
        2,
        "all but the manifest and the day files"
    );
    assert_eq!(unpacked.sums, m.sums);
    let mut days = Vec::new();
    each_day(&unpacked, &mut |name, bytes| {
        days.push((name.to_owned(), bytes.to_vec()));
        Ok(())
    })
    .unwrap();
    assert_eq!(
        days,
        [("data/entries/2026/2026-11-30.json".to_owned(), day.to_vec())]
    );
    // An archive changed after it was read and checked is refused as it is read again.
    let other = dir.path().join("other");
    fs::create_dir_all(other.join("entries/2026")).unwrap();
    let changed_day = br#"{"schema": 1, "date": "2026-11-30", "entries": [] }"#;
    fs::write(other.join("entries/2026/2026-11-30.json"), changed_day).unwrap();
    fs::write(other.join("state.json"), b"{\"schema\": 1}").unwrap();
    let changed = write(
        &Layout::new(&other),
        Some(&config),
        &dir.path().join("elsewhere"),
        now,
        Keep::default(),
    )
    .unwrap();
    fs::copy(&changed.path, &written.path).unwrap();
    let err = each_day(&unpacked, &mut |_, _| Ok(())).unwrap_err();
    assert!(
        err.to_string().contains("it changed while it was read"),
        "{err}"
    );
}

#[test]
fn a_file_the_manifest_does_not_vouch_for_is_refused_and_named() {
    let day: &[u8] = b"{\"schema\": 1}";
    let members = [("data/entries/2026/2026-11-30.json", day)];
    let listed = manifest_listing(&members);
    // As written: read.
    let ok = tar_gz(&[members[0], ("manifest.json", &listed)]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.tar.gz");
    fs::write(&path, &ok).unwrap();
    assert!(read_archive(&path).is_ok());

    let other: &[u8] = b"{\"schema\": 2}";
    refused_saying(
        &tar_gz(&[
            ("data/entries/2026/2026-11-30.json", other),
            ("manifest.json", &listed),
        ]),
        "is damaged: data/entries/2026/2026-11-30.json in it does not match its \
                 checksum in the manifest; nothing was restored",
    );
    refused_saying(
        &tar_gz(&[
            ("data/entries/2026/2026-11-30.json", b"{}"),
            ("manifest.json", &listed),
        ]),
        "2026-11-30.json in it is 2 bytes, and its manifest says 13 bytes",
    );
    refused_saying(
        &tar_gz(&[("manifest.json", &listed)]),
        "its manifest says it holds 1 file, and it holds 0 files",
    );
    refused_saying(
        &tar_gz(&[
            members[0],
            ("data/state.json", b"{}"),
            ("manifest.json", &listed),
        ]),
        "its manifest says it holds 1 file, and it holds 2",
    );
    let mut two = manifest_listing(&[members[0], ("data/gone.json", b"{}")]);
    refused_saying(
        &tar_gz(&[
            members[0],
            ("data/state.json", b"{}"),
            ("manifest.json", &two),
        ]),
        "data/state.json is in it, and not in its manifest",
    );
    two = manifest_listing(&[members[0], ("data/gone.json", b"{}")]);
    refused_saying(
        &tar_gz(&[members[0], members[0], ("manifest.json", &two)]),
        "it holds data/entries/2026/2026-11-30.json twice",
    );
    refused_saying(
        &tar_gz(&[members[0]]),
        "cannot be restored: it has no manifest.json, so it is not a closer backup",
    );
}

#[test]
fn damage_to_the_gzip_stream_is_said_for_what_it_is() {
    let day: &[u8] = b"{\"schema\": 1, \"date\": \"2026-11-30\", \"entries\": []}";
    let members = [("data/entries/2026/2026-11-30.json", day)];
    let good = tar_gz(&[members[0], ("manifest.json", &manifest_listing(&members))]);
    let n = good.len();
    // The CRC-32, then the size, at its end.
    for at in [n - 8, n - 5, n - 4, n - 1] {
        let mut bad = good.clone();
        bad[at] ^= 0x04;
        let err = refusal(&bad);
        assert!(
            err.contains(
                "is damaged: the compressed data does not match its checksum; nothing was \
                     restored"
            ),
            "byte {at}: {err}"
        );
    }
    for cut in 1..=12 {
        let err = refusal(&good[..n - cut]);
        assert!(
            err.contains("is damaged: it is cut short"),
            "cut {cut}: {err}"
        );
    }
    // The middle of the compressed data.
    let mut bad = good.clone();
    bad[n / 2] ^= 0x01;
    assert!(refusal(&bad).contains("is damaged: "));
    // Not gzip at all, or gzip of something else.
    refused_saying(b"hello", "not a closer backup");
    refused_saying(b"", "it is empty");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"just some text, not a tar archive").unwrap();
    refused_saying(&gz.finish().unwrap(), "not a closer backup");
}

#[test]
fn an_earlier_closers_backup_is_checked_by_its_gzip_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"{"made_at": "2026-11-30T09:15:00+01:00", "entries": 1, "days": 1,
                      "closer": "0.1.0"}"#;
    let path = archive_of(dir.path(), old, &["data/entries/2026/2026-11-01.json"]);
    let unpacked = read_archive(&path).unwrap();
    assert!(unpacked.manifest().sums.is_empty());
    assert_eq!(unpacked.files().len(), 0, "a day file is not held");
    assert_eq!(unpacked.sums.len(), 1);
    let mut bytes = fs::read(&path).unwrap();
    let n = bytes.len();
    bytes[n - 7] ^= 0x80;
    refused_saying(&bytes, "does not match its checksum");
}

/// A tar header (of an ordinary file of `size` bytes) named `name` byte for byte, which the
/// tar crate would not write (`..`, an absolute path), with `kind`.
fn raw_header(name: &str, size: u64, kind: tar::EntryType) -> tar::Header {
    let mut header = tar::Header::new_old();
    header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
    header.set_size(size);
    header.set_mode(0o600);
    header.set_entry_type(kind);
    header.set_cksum();
    header
}

fn tar_gz_raw(headers: &[(tar::Header, &[u8])]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for (header, data) in headers {
        gz.write_all(header.as_bytes()).unwrap();
        gz.write_all(data).unwrap();
        let pad = (512 - data.len() % 512) % 512;
        gz.write_all(&vec![0; pad]).unwrap();
    }
    gz.write_all(&[0; 1024]).unwrap();
    gz.finish().unwrap()
}

#[test]
fn links_devices_and_paths_outside_the_folder_are_refused() {
    for (name, kind, says) in [
        ("../outside.json", tar::EntryType::Regular, "a path outside"),
        (
            "/etc/outside.json",
            tar::EntryType::Regular,
            "a path outside",
        ),
        (
            "data/state.json",
            tar::EntryType::Symlink,
            "which is not a file",
        ),
        (
            "data/state.json",
            tar::EntryType::Link,
            "which is not a file",
        ),
        ("data/fifo", tar::EntryType::Fifo, "which is not a file"),
    ] {
        let err = refusal(&tar_gz_raw(&[(raw_header(name, 0, kind), b"")]));
        assert!(
            err.contains("cannot be restored: it holds"),
            "{name}: {err}"
        );
        assert!(err.contains(says), "{name}: {err}");
    }
}

#[test]
fn a_file_larger_than_a_backup_can_hold_is_refused_from_its_header_before_it_is_read() {
    // Headers alone: were the data read, the stream would end first ("cut short").
    refused_saying(
        &tar_gz_raw(&[(
            raw_header(
                "data/entries/2026/2026-11-30.json",
                300 << 20,
                tar::EntryType::Regular,
            ),
            b"",
        )]),
        "2026-11-30.json in it would be 314.6 MB, more than closer ever backs up",
    );
    refused_saying(
        &tar_gz_raw(&[(
            raw_header(
                "data/entries/2026/2026-11-30.json",
                100 << 20,
                tar::EntryType::Regular,
            ),
            b"",
        )]),
        "it unpacks to more than 67.1 MB, far more than a backup of",
    );
}
