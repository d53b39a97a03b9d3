//! The case packet, checked with the stock tools a court or supervisor would
//! use: qpdf, pdffonts, pdftotext, pdfsig, pdfdetach, pdftoppm.

use crate::people::person;
use crate::support::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use vigil::evidence::{ExhibitInput, ExhibitKind};
use vigil::incident::{Attribution, FearLevel, IncidentInput, PlaceType};
use vigil::management::{OrderInput, OrderKind};
use vigil::packet::*;
use vigil::person::{IdentifierKind, PersonRole};
use vigil::workspace::UnlockedWorkspace;

pub const CONFIDENTIAL_ADDRESS: &str = "14 Larkspur Court, Apt 3";
pub const VICTIM_PHONE: &str = "555-0147";

fn png_file(path: &Path, w: u32, h: u32) {
    let f = std::fs::File::create(path).unwrap();
    let mut e = png::Encoder::new(f, w, h);
    e.set_color(png::ColorType::Rgb);
    e.set_depth(png::BitDepth::Eight);
    let mut wr = e.write_header().unwrap();
    let data: Vec<u8> = (0..w * h)
        .flat_map(|i| [(i % w * 255 / w) as u8, (i / w * 255 / h) as u8, 120])
        .collect();
    wr.write_image_data(&data).unwrap();
}

/// A fixture case with accented names, a confidential address, incidents
/// with attribution and fear, a photo exhibit, a protective order.
pub fn fixture(ws: &mut UnlockedWorkspace, dir: &Path, number: &str) -> Vec<String> {
    ws.create_case(&new_case(number, "Harassment of Zoë Núñez"))
        .unwrap();
    let victim = ws
        .save_person(
            number,
            None,
            &person(
                PersonRole::Victim,
                "Zoë Núñez",
                &[
                    (IdentifierKind::Address, CONFIDENTIAL_ADDRESS, true),
                    (IdentifierKind::Phone, VICTIM_PHONE, false),
                ],
            ),
        )
        .unwrap();
    let _ = victim;
    let suspect = ws
        .save_person(
            number,
            None,
            &person(
                PersonRole::Suspect,
                "José Ibáñez",
                &[(IdentifierKind::Phone, "555-0199", false)],
            ),
        )
        .unwrap();
    let witness = ws
        .save_person(
            number,
            None,
            &person(PersonRole::Witness, "Ana Sørensen", &[]),
        )
        .unwrap();
    let specs = [
        (
            "2/3/2026 9:30 pm",
            "texts",
            "Forty texts overnight after she ended the relationship",
            FearLevel::Moderate,
        ),
        (
            "2/9/2026",
            "showingUp",
            "Waited outside her work for two hours",
            FearLevel::High,
        ),
        (
            "2/14/2026 7 am",
            "threat",
            "Voicemail saying she would regret leaving",
            FearLevel::High,
        ),
        (
            "2/20/2026",
            "following",
            "Followed her car from the gym to her street",
            FearLevel::Extreme,
        ),
        (
            "3/2/2026",
            "lettersGifts",
            "Left flowers and a note on her windscreen",
            FearLevel::Moderate,
        ),
        (
            "3/10/2026",
            "orderViolation",
            "Called her phone twice despite the order",
            FearLevel::High,
        ),
    ];
    let mut ids = Vec::new();
    for (k, (when, cat, narrative, fear)) in specs.iter().enumerate() {
        let mut i = IncidentInput::quick(when, cat, &format!("{narrative} (incident {k})"));
        i.tz = Some("America/Chicago".into());
        i.suspect_id = Some(suspect.id.clone());
        i.attribution = Attribution::PhoneRecords;
        i.fear_level = *fear;
        i.victim_words = if k == 3 {
            "I no longer drive home the same way".into()
        } else {
            String::new()
        };
        if k == 1 {
            i.witness_ids = vec![witness.id.clone()];
            i.location_text = CONFIDENTIAL_ADDRESS.into();
            i.place_type = PlaceType::VictimHome;
        }
        if k == 2 {
            i.suspect_words = "You will regret this, Zoë".into();
        }
        ids.push(ws.add_incident(number, &i).unwrap().id);
    }
    let mut warn = IncidentInput::quick(
        "3/1/2026",
        "warningDelivered",
        "Officer warned the suspect to stop all contact",
    );
    warn.tz = Some("America/Chicago".into());
    ids.push(ws.add_incident(number, &warn).unwrap().id);
    let photo = dir.join("windscreen.png");
    png_file(&photo, 640, 480);
    let mut ex = ExhibitInput::new(ExhibitKind::Photo, "Photo of the note on the windscreen");
    ex.incident_ids = vec![ids[4].clone()];
    ws.add_exhibit(number, &ex, Some(&photo), &mut |_| true)
        .unwrap();
    let vm = dir.join("voicemail.wav");
    std::fs::write(&vm, b"RIFF\0\0\0\0WAVEfmt voicemail bytes").unwrap();
    let mut ex = ExhibitInput::new(ExhibitKind::Audio, "Voicemail of 14 February");
    ex.incident_ids = vec![ids[2].clone()];
    ws.add_exhibit(number, &ex, Some(&vm), &mut |_| true)
        .unwrap();
    ws.save_order(
        number,
        None,
        &OrderInput {
            kind: OrderKind::Civil,
            court: "County Superior Court".into(),
            issued_on: "2026-03-01".into(),
            served_on: Some("2026-03-03".into()),
            expires_on: Some("2027-03-01".into()),
            terms: "No contact; stay 100 yards away".into(),
        },
    )
    .unwrap();
    ws.set_case_statutes(
        number,
        &["us-ca-pc-646.9".into(), "model-stalking-code".into()],
    )
    .unwrap();
    ws.save_packet_info(
        number,
        &PacketInfo {
            charges: "PC 646.9(b) stalking with an order in effect".into(),
            custody: "Not in custody".into(),
            safety_alert: "Suspect has access to a firearm".into(),
            summary: "A former partner's campaign of contact and following since February.".into(),
            relationship: "Together four years; separated January 2026.".into(),
            recommendations: "No contact, 100-yard stay-away, firearm surrender.".into(),
        },
    )
    .unwrap();
    ids
}

pub fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    let o = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

fn export(
    ws: &mut UnlockedWorkspace,
    number: &str,
    profile: PacketProfile,
    out: &Path,
) -> PacketReport {
    ws.export_packet(number, &PacketOptions::new(profile), out, &mut |_| true)
        .unwrap()
}

fn pages(pdf: &Path) -> usize {
    let (_, info) = run("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn every_profile_passes_the_stock_tools() {
    let (w, mut ws, _) = new_ws();
    let tmp = w.dir.parent().unwrap().to_path_buf();
    fixture(&mut ws, &tmp, "P-1");
    for profile in [
        PacketProfile::Prosecutor,
        PacketProfile::Discovery,
        PacketProfile::Supervisor,
        PacketProfile::Training,
    ] {
        let out = tmp.join(format!("{}.pdf", profile.as_str()));
        let r = export(&mut ws, "P-1", profile, &out);
        let p = out.to_str().unwrap();
        assert_eq!(r.pages as usize, pages(&out), "{profile:?}");
        let (ok, text) = run("qpdf", &["--check", p]);
        assert!(
            ok && text.contains("No syntax or stream encoding errors"),
            "{profile:?}: {text}"
        );
        let (_, fonts) = run("pdffonts", &[p]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, Unicode map: {row}"
            );
        }
        let (_, sig) = run("pdfsig", &[p]);
        assert!(sig.contains("Signature is Valid."), "{profile:?}: {sig}");
        assert!(sig.contains("Total document signed"), "{sig}");
        assert!(
            sig.contains("adbe.pkcs7.detached") && sig.contains("SHA-256"),
            "{sig}"
        );
        let (_, list) = run("pdfdetach", &["-list", p]);
        assert!(list.contains("manifest.json"), "{list}");
        let (ok, text) = run("pdftotext", &["-layout", p, "-"]);
        assert!(ok);
        assert!(
            text.contains("Zoë Núñez")
                && text.contains("José Ibáñez")
                && text.contains("Ana Sørensen"),
            "accented names intact"
        );
        // Every incident, in order.
        let mut at = 0;
        for k in 0..6 {
            let needle = format!("(incident {k})");
            let pos = text[at..].find(&needle).map(|p| p + at);
            assert!(
                pos.is_some(),
                "{profile:?}: incident {k} missing or out of order"
            );
            at = pos.unwrap_or(at);
        }
        assert!(
            text.contains("-E001") && text.contains("-E002"),
            "exhibits listed"
        );
        assert!(text.contains(profile.copy_label()));
        // The first page, rendered, is not blank.
        let (ok, _) = run(
            "pdftoppm",
            &[
                "-r",
                "20",
                "-gray",
                "-f",
                "1",
                "-l",
                "1",
                p,
                tmp.join("pg").to_str().unwrap(),
            ],
        );
        assert!(ok);
        let img = std::fs::read_dir(&tmp)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|f| f.file_name().unwrap().to_string_lossy().starts_with("pg"))
            .unwrap();
        let bytes = std::fs::read(&img).unwrap();
        let dark = bytes.iter().skip(20).filter(|b| **b < 128).count();
        assert!(dark > 100, "page 1 has ink ({dark} dark pixels)");
        std::fs::remove_file(img).unwrap();
    }
    // Bookmarks lead to their sections: each top-level entry's page starts
    // with that section's title; the photo is drawn in the index and the appendix.
    let p = tmp.join("prosecutor.pdf");
    let (_, json) = run(
        "qpdf",
        &["--json", "--json-key=outlines", p.to_str().unwrap()],
    );
    let outline: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tops = outline["outlines"].as_array().unwrap();
    assert!(tops.len() >= 8, "{tops:?}");
    for t in tops {
        let title = t["title"].as_str().unwrap();
        let page = t["destpageposfrom1"]
            .as_u64()
            .unwrap_or_else(|| panic!("{title} has no page"))
            .to_string();
        let (_, text) = run(
            "pdftotext",
            &["-f", &page, "-l", &page, p.to_str().unwrap(), "-"],
        );
        assert!(
            text.contains(title),
            "bookmark {title} points at page {page}"
        );
    }
    assert!(
        tops.iter()
            .any(|t| t["title"] == "Chronology" && !t["kids"].as_array().unwrap().is_empty()),
        "months under the chronology"
    );
    let page_of = |title: &str| {
        tops.iter().find(|t| t["title"] == title).unwrap()["destpageposfrom1"]
            .as_u64()
            .unwrap()
    };
    let (_, images) = run("pdfimages", &["-list", p.to_str().unwrap()]);
    let rows: Vec<Vec<&str>> = images
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let on: Vec<u64> = rows
        .iter()
        .filter_map(|r| r.first()?.parse().ok())
        .collect();
    assert_eq!(
        on,
        [page_of("Exhibit index"), page_of("Appendix: photographs")],
        "a thumbnail in the index, the full page in the appendix: {images}"
    );
    assert_eq!(
        rows[0][10], rows[1][10],
        "one image object drawn twice: {images}"
    );
    // The export history names each file's hash.
    let h = ws.packet_history("P-1").unwrap();
    assert_eq!(h.len(), 4);
    assert!(h.iter().all(|e| e.sha256.len() == 64 && e.pages > 0));
}

#[test]
fn the_discovery_copy_holds_none_of_the_withheld_values_anywhere() {
    let (w, mut ws, _) = new_ws();
    let tmp = w.dir.parent().unwrap().to_path_buf();
    fixture(&mut ws, &tmp, "P-2");
    let full = tmp.join("full.pdf");
    let disc = tmp.join("disc.pdf");
    export(&mut ws, "P-2", PacketProfile::Prosecutor, &full);
    export(&mut ws, "P-2", PacketProfile::Discovery, &disc);
    let expand = |f: &PathBuf| {
        let q = f.with_extension("qdf.pdf");
        let (ok, t) = run(
            "qpdf",
            &[
                "--qdf",
                "--object-streams=disable",
                f.to_str().unwrap(),
                q.to_str().unwrap(),
            ],
        );
        assert!(ok, "{t}");
        let (_, text) = run("pdftotext", &[f.to_str().unwrap(), "-"]);
        // Wrapped lines joined, so phrases split by a line break still match.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (std::fs::read(&q).unwrap(), text)
    };
    let (full_raw, full_text) = expand(&full);
    let (disc_raw, disc_text) = expand(&disc);
    // The values are in the prosecutor's copy (text) …
    assert!(full_text.contains(CONFIDENTIAL_ADDRESS) && full_text.contains(VICTIM_PHONE));
    let _ = full_raw;
    // … and nowhere in the discovery copy: not in its text, not in its bytes
    // (fonts are subset and text is hex glyph ids, so the extracted text is
    // the test that matters; the raw bytes must not hold them either).
    for v in [CONFIDENTIAL_ADDRESS, VICTIM_PHONE] {
        assert!(!disc_text.contains(v), "{v} in the discovery text");
        assert!(
            !disc_raw.windows(v.len()).any(|w| w == v.as_bytes()),
            "{v} in the discovery file's bytes"
        );
    }
    assert!(disc_text.contains("[redacted: confidential identifier]"));
    assert!(disc_text.contains("[redacted: victim's contact details]"));
    assert!(
        disc_text.contains("[redacted: address]"),
        "the incident at the victim's home"
    );
    assert!(
        disc_text.contains("[redacted: safety plan]") || !full_text.contains("Management plan")
    );
    assert!(disc_text.contains("Withheld from this copy"));
    assert!(full_text.contains("Nothing is withheld from this copy."));
    // The manifest lists what was withheld.
    let r = vigil::packet::verify_packet_bytes(&std::fs::read(&disc).unwrap());
    assert!(r.ok, "{:?}", r.checks);
    assert!(!r.manifest.unwrap().withheld.is_empty());
}

#[test]
fn the_training_copy_says_so_on_every_page() {
    let (w, mut ws, _) = new_ws();
    let tmp = w.dir.parent().unwrap().to_path_buf();
    fixture(&mut ws, &tmp, "P-3");
    let out = tmp.join("t.pdf");
    let r = export(&mut ws, "P-3", PacketProfile::Training, &out);
    for page in 1..=r.pages {
        let n = page.to_string();
        let (_, text) = run(
            "pdftotext",
            &["-f", &n, "-l", &n, out.to_str().unwrap(), "-"],
        );
        assert!(
            text.contains("TRAINING — NOT EVIDENCE"),
            "page {page}: {text}"
        );
    }
}

#[test]
fn verify_passes_a_fresh_packet_and_fails_every_kind_of_change() {
    let (w, mut ws, _) = new_ws();
    let tmp = w.dir.parent().unwrap().to_path_buf();
    fixture(&mut ws, &tmp, "P-4");
    let out = tmp.join("p.pdf");
    export(&mut ws, "P-4", PacketProfile::Prosecutor, &out);
    let good = std::fs::read(&out).unwrap();
    let r = ws.verify_packet(&out).unwrap();
    assert!(r.ok, "{:?}", r.checks);
    assert!(r
        .checks
        .iter()
        .any(|c| c.name == "Matches the case in this workspace" && c.ok));
    assert_eq!(
        r.signer.as_ref().unwrap().fingerprint,
        ws.signing_identity().unwrap().fingerprint
    );

    let failed = |bytes: &[u8]| {
        let r = vigil::packet::verify_packet_bytes(bytes);
        assert!(!r.ok);
        r.checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    // One changed byte, in page content far from the signature.
    let mut one = good.clone();
    let at = one.len() / 3;
    one[at] ^= 0x01;
    assert!(failed(&one).contains(&"Signature".to_string()));
    // A removed page (qpdf rewrites the file without the last page).
    let cut = tmp.join("cut.pdf");
    let (_, t) = run(
        "qpdf",
        &[
            out.to_str().unwrap(),
            "--pages",
            out.to_str().unwrap(),
            "1-r2",
            "--",
            cut.to_str().unwrap(),
        ],
    );
    assert!(cut.exists(), "{t}");
    assert!(!failed(&std::fs::read(&cut).unwrap()).is_empty());
    // Re-signed with another key: the signature is valid but not the one the
    // manifest names.
    let mut forged = good.clone();
    vigil::packet::resign_with_new_key(&mut forged).unwrap();
    assert_eq!(failed(&forged), ["Manifest names the signer"]);
    // A swapped manifest: rewritten with lopdf, so the signed bytes change.
    let mut doc = lopdf::Document::load_mem(&good).unwrap();
    let ids: Vec<lopdf::ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Type")
                    .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"EmbeddedFile"))
            })
        })
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(ids.len(), 1);
    let fake = br#"{"format":"vigil-packet","version":1}"#.to_vec();
    if let Ok(lopdf::Object::Stream(s)) = doc.get_object_mut(ids[0]) {
        s.dict.remove(b"Filter");
        s.set_content(fake);
    }
    let mut swapped = Vec::new();
    doc.save_to(&mut swapped).unwrap();
    let f = failed(&swapped);
    assert!(
        f.iter()
            .any(|n| n == "Signature" || n == "Manifest" || n == "Whole document signed"),
        "{f:?}"
    );
    // Bytes appended after signing.
    let mut appended = good.clone();
    appended.extend_from_slice(b"\n% appended\n");
    assert!(failed(&appended).contains(&"Whole document signed".to_string()));
    // A packet whose chain head is not in this case's history.
    let (w2, mut other, _) = new_ws();
    fixture(&mut other, w2.dir.parent().unwrap(), "P-4");
    let r = other.verify_packet(&out).unwrap();
    assert!(
        r.checks
            .iter()
            .all(|c| c.name != "Matches the case in this workspace"),
        "a different case with the same number is not checked against"
    );
}

#[test]
fn the_elements_matrix_shows_support_and_gaps() {
    let (w, mut ws, _) = new_ws();
    let tmp = w.dir.parent().unwrap().to_path_buf();
    let ids = fixture(&mut ws, &tmp, "P-5");
    let m = ws.elements_matrix("P-5").unwrap();
    let row = |sid: &str, eid: &str| {
        m.rows
            .iter()
            .find(|r| r.statute_id == sid && r.element.id == eid)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("us-ca-pc-646.9", "harassOrFollow").incidents.len(),
        6,
        "acts attributed to the suspect"
    );
    assert_eq!(row("us-ca-pc-646.9", "credibleThreat").incidents.len(), 1);
    assert_eq!(
        row("us-ca-pc-646.9", "credibleThreat").exhibits.len(),
        1,
        "the voicemail of that incident"
    );
    assert!(
        !row("us-ca-pc-646.9", "orderInEffect").incidents.is_empty(),
        "the violation"
    );
    assert!(m
        .gaps
        .iter()
        .all(|g| g.code != "fewActs" && g.code != "noFear" && g.code != "notToldToStop"));
    assert!(
        !m.gaps
            .iter()
            .any(|g| g.code == "unsupported" && g.element_id.as_deref() == Some("priorConviction")),
        "aggravators are not gaps"
    );
    // A link by hand adds support; clearing it removes it.
    let m = ws
        .set_element_links("P-5", "incident", &ids[6], &[ElementKind::Fear])
        .unwrap();
    let fear = m
        .rows
        .iter()
        .find(|r| r.element.id == "reasonableFear")
        .unwrap();
    assert!(fear.incidents.iter().any(|s| s.id == ids[6] && s.linked));
    // A case with one act and no fear shows the gaps.
    ws.create_case(&new_case("P-6", "thin")).unwrap();
    ws.add_incident(
        "P-6",
        &IncidentInput::quick("3/1/2026", "texts", "One text"),
    )
    .unwrap();
    ws.set_case_statutes("P-6", &["us-ca-pc-646.9".into()])
        .unwrap();
    let m = ws.elements_matrix("P-6").unwrap();
    let codes: Vec<&str> = m.gaps.iter().map(|g| g.code.as_str()).collect();
    for c in ["fewActs", "noFear", "notToldToStop", "noThreat"] {
        assert!(codes.contains(&c), "{c} in {codes:?}");
    }
    assert!(ws
        .set_case_statutes("P-6", &["no-such-statute".into()])
        .is_err());
    assert!(
        ws.verify_case("P-5").unwrap().ok,
        "links and statutes are audited records"
    );
}
