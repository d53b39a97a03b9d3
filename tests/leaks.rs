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
