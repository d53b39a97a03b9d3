use crate::support::*;
use vigil::case::{AgencyReport, CaseHeaderPatch, HandoverMode, NewCase};
use vigil::crypto::KdfParams;
use vigil::secret::Passphrase;
use vigil::workspace::{self, Profile};

const MARKER: &str = "ZQXMARKER7741";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every text field gets a marker; no file under the workspace (nor the
/// handover file) may contain it, in UTF-8 or UTF-16.
#[test]
fn no_case_content_is_readable_anywhere_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let m = |f: &str| format!("{MARKER}-{f}");
    let profile = Profile {
        name: m("name"),
        badge: m("badge"),
        unit: m("unit"),
        agency: m("agency"),
    };
    let (mut ws, _) = workspace::create(&dir, &pass(), Some(&profile), KdfParams::MINIMUM).unwrap();
    ws.create_case(&NewCase {
        number: "MK-1".into(),
        title: m("title"),
        opened_on: None,
        assigned_investigator: Some(m("investigator")),
        agency_reports: vec![AgencyReport {
            agency: m("agency2"),
            number: m("report"),
        }],
    })
    .unwrap();
    ws.open_case("MK-1").unwrap();
    ws.update_case(
        "MK-1",
        &CaseHeaderPatch {
            title: m("title2"),
            opened_on: "2026-04-01".parse().unwrap(),
            assigned_investigator: m("inv2"),
            agency_reports: vec![AgencyReport {
                agency: m("a3"),
                number: m("r3"),
            }],
        },
    )
    .unwrap();
    let out = tmp.path().join("handover.vigil");
    ws.seal_case(
        "MK-1",
        &out,
        &Passphrase::new("Blue kettle 58 north".into()),
        HandoverMode::Review,
        false,
    )
    .unwrap();

    let check = |label: &str| {
        let mut files = files_under(&dir);
        files.push(out.clone());
        assert!(files.len() >= 4, "{files:?}");
        let utf16: Vec<u8> = MARKER
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            assert!(
                !contains(&bytes, MARKER.as_bytes()),
                "{label}: marker in plaintext in {}",
                f.display()
            );
            assert!(
                !contains(&bytes, &utf16),
                "{label}: marker (UTF-16) in {}",
                f.display()
            );
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            assert!(
                !name.contains(MARKER),
                "{label}: marker in file name {name}"
            );
            assert!(
                !name.contains(".partial") && !name.contains(".incoming") && !name.contains(".tmp"),
                "{label}: leftover {name}"
            );
        }
    };
    // While unlocked (write-ahead logs present) and after locking.
    check("unlocked");
    drop(ws);
    check("locked");
}

/// An attached file's bytes never appear in plaintext on disk: not in the
/// workspace after ingest and preview reads, nor after locking, nor in a
/// temp file anywhere under the system's temp folder.
#[test]
fn attachment_bytes_are_never_on_disk_in_plaintext() {
    use vigil::evidence::{ExhibitInput, ExhibitKind};
    let started = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("LK-1", "x")).unwrap();
    let marker = "ZQXATTACH5523";
    // The victim's file lives in its own folder, outside the search.
    let outside = tempfile::tempdir().unwrap();
    let src = outside.path().join(format!("{marker}.txt"));
    let body = format!("{marker} the message the suspect sent\n").repeat(40_000);
    std::fs::write(&src, &body).unwrap();
    let e = ws
        .add_exhibit(
            "LK-1",
            &ExhibitInput::new(ExhibitKind::MessageExport, "Messages"),
            Some(&src),
            &mut |_| true,
        )
        .unwrap();
    // Read it back as the preview does.
    let (part, size, media) = ws.read_exhibit_range("LK-1", &e.id, 0, 1 << 20).unwrap();
    assert_eq!((size as usize, media.as_str()), (body.len(), "text/plain"));
    assert!(part.starts_with(marker.as_bytes()));
    let scan = |label: &str| {
        let mut files = files_under(&w.dir);
        for f in files_under_tolerant(&std::env::temp_dir())
            .into_iter()
            .filter(|f| {
                !f.starts_with(outside.path())
                    && std::fs::metadata(f)
                        .and_then(|m| m.modified())
                        .is_ok_and(|t| t >= started)
            })
        {
            files.push(f);
        }
        for f in files {
            let Ok(bytes) = std::fs::read(&f) else {
                continue;
            };
            assert!(
                !contains(&bytes, marker.as_bytes()),
                "{label}: attachment plaintext in {}",
                f.display()
            );
        }
    };
    scan("unlocked");
    drop(ws);
    scan("locked");
}

/// Like `files_under`, but other tests create and remove temp folders while
/// this one walks: what vanishes is skipped.
fn files_under_tolerant(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if t.is_file() => out.push(p),
                _ => {}
            }
        }
    }
    out
}
