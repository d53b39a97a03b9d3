use crate::support::*;
use vigil::crypto::KdfParams;
use vigil::secret::{Passphrase, RecoveryKey};
use vigil::workspace::{self, Credential};
use vigil::Error;

#[test]
fn create_lock_and_unlock_keeps_cases() {
    let (w, mut ws, _rk) = new_ws();
    ws.create_case(&new_case("26-001", "Unwanted contact"))
        .unwrap();
    drop(ws); // lock
    let mut ws = unlock(&w.dir);
    let list = ws.list_cases().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].number, "26-001");
    assert_eq!(
        ws.open_case("26-001").unwrap().header.title,
        "Unwanted contact"
    );
    assert_eq!(ws.profile().unwrap().name, "Dana Reyes");
}

#[test]
fn a_second_workspace_in_the_same_folder_is_refused() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let again = workspace::create(&w.dir, &pass(), None, KdfParams::MINIMUM);
    assert!(matches!(again, Err(Error::WorkspaceExists { .. })));
}

#[test]
fn weak_passphrase_is_refused_at_set_up_with_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let r = workspace::create(
        tmp.path(),
        &Passphrase::new("short".into()),
        None,
        KdfParams::MINIMUM,
    );
    match r {
        Err(Error::Validation { field, reason }) => {
            assert_eq!(field, "passphrase");
            assert!(reason.contains("at least 10"), "{reason}");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(!workspace::exists(tmp.path()));
}

#[test]
fn wrong_passphrase_changes_nothing_and_is_reported_after_the_next_unlock() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let before: Vec<_> = ["vigil-workspace.json", "workspace.db"]
        .iter()
        .map(|f| std::fs::read(w.dir.join(f)).unwrap())
        .collect();
    for _ in 0..3 {
        let r = workspace::unlock(
            &w.dir,
            Credential::Passphrase(&Passphrase::new("Not the passphrase 1".into())),
        );
        assert!(matches!(r, Err(Error::WrongPassphrase)), "{r:?}");
    }
    let after: Vec<_> = ["vigil-workspace.json", "workspace.db"]
        .iter()
        .map(|f| std::fs::read(w.dir.join(f)).unwrap())
        .collect();
    assert_eq!(
        before, after,
        "a failed unlock must not touch the key file or the database"
    );
    let (_ws, report) = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert_eq!(report.failed_attempts, 3);
    assert!(report.first_failed_at.is_some() && report.last_failed_at.is_some());
    drop(_ws);
    // Reported once: the counter starts again.
    let (_ws, report) = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert_eq!(report.failed_attempts, 0);
}

#[test]
fn after_five_failures_even_the_right_passphrase_must_wait() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let wrong = Passphrase::new("Not the passphrase 1".into());
    for _ in 0..5 {
        assert!(matches!(
            workspace::unlock(&w.dir, Credential::Passphrase(&wrong)),
            Err(Error::WrongPassphrase)
        ));
    }
    match workspace::unlock(&w.dir, Credential::Passphrase(&pass())) {
        Err(Error::TooManyAttempts {
            failures,
            retry_after_secs,
        }) => {
            assert_eq!(failures, 5);
            assert!((1..=30).contains(&retry_after_secs), "{retry_after_secs}");
        }
        other => panic!("expected a wait, got {other:?}"),
    }
    // Once the wait is over (moved into the past here), unlocking works and
    // reports the five failures.
    let path = w.dir.join("unlock-attempts.json");
    let mut a: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    a["last_failed_at"] = serde_json::json!("2020-01-01T00:00:00.000Z");
    std::fs::write(&path, serde_json::to_vec(&a).unwrap()).unwrap();
    let (_ws, report) = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert_eq!(report.failed_attempts, 5);
}

#[test]
fn lockout_delay_grows_and_is_capped() {
    let t0 = chrono::Utc::now();
    assert!(workspace::lockout_remaining(4, t0, t0).is_none());
    let d5 = workspace::lockout_remaining(5, t0, t0).unwrap();
    let d6 = workspace::lockout_remaining(6, t0, t0).unwrap();
    let d20 = workspace::lockout_remaining(20, t0, t0).unwrap();
    assert!(d6 > d5);
    assert_eq!(d20.as_secs(), 900);
    assert!(workspace::lockout_remaining(5, t0, t0 + chrono::Duration::seconds(31)).is_none());
}

#[test]
fn recovery_key_unlocks_and_allows_a_new_passphrase_without_the_old_one() {
    let (w, ws, rk) = new_ws();
    drop(ws);
    let printed = rk.to_printable();
    let rk = RecoveryKey::parse(&printed).unwrap();
    let (mut ws, _) = workspace::unlock(&w.dir, Credential::RecoveryKey(&rk)).unwrap();
    assert!(ws.unlocked_by_recovery_key());
    let new = Passphrase::new("Harbour light 42 amber".into());
    ws.change_passphrase(None, &new, KdfParams::MINIMUM)
        .unwrap();
    drop(ws);
    assert!(matches!(
        workspace::unlock(&w.dir, Credential::Passphrase(&pass())),
        Err(Error::WrongPassphrase)
    ));
    workspace::unlock(&w.dir, Credential::Passphrase(&new)).unwrap();
}

#[test]
fn a_wrong_recovery_key_is_refused() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let other = {
        let (_w2, ws2, rk2) = new_ws();
        drop(ws2);
        RecoveryKey::parse(&rk2.to_printable()).unwrap()
    };
    assert!(matches!(
        workspace::unlock(&w.dir, Credential::RecoveryKey(&other)),
        Err(Error::WrongRecoveryKey)
    ));
}

#[test]
fn passphrase_change_rewrites_no_case_file() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-002", "Case A")).unwrap();
    ws.create_case(&new_case("26-003", "Case B")).unwrap();
    drop(ws);
    let mut ws = unlock(&w.dir);
    let case_files = files_under(&w.dir.join("cases"));
    let before: Vec<_> = case_files
        .iter()
        .map(|p| {
            (
                std::fs::read(p).unwrap(),
                std::fs::metadata(p).unwrap().modified().unwrap(),
            )
        })
        .collect();
    // The current passphrase is required when not unlocked by recovery key.
    let new = Passphrase::new("Harbour light 42 amber".into());
    assert!(ws
        .change_passphrase(None, &new, KdfParams::MINIMUM)
        .is_err());
    assert!(matches!(
        ws.change_passphrase(
            Some(&Passphrase::new("Wrong old one 99".into())),
            &new,
            KdfParams::MINIMUM
        ),
        Err(Error::WrongPassphrase)
    ));
    ws.change_passphrase(Some(&pass()), &new, KdfParams::MINIMUM)
        .unwrap();
    drop(ws);
    let after: Vec<_> = case_files
        .iter()
        .map(|p| {
            (
                std::fs::read(p).unwrap(),
                std::fs::metadata(p).unwrap().modified().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        before, after,
        "case files must not be rewritten by a passphrase change"
    );
    let (mut ws, _) = workspace::unlock(&w.dir, Credential::Passphrase(&new)).unwrap();
    assert_eq!(ws.open_case("26-003").unwrap().header.title, "Case B");
}

#[test]
fn a_workspace_unlocked_elsewhere_is_reported_as_in_use() {
    let (w, _ws, _) = new_ws();
    let r = workspace::unlock(&w.dir, Credential::Passphrase(&pass()));
    assert!(matches!(r, Err(Error::Locked { .. })), "{r:?}");
}

#[test]
fn unlocking_a_folder_without_workspace_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let r = workspace::unlock(tmp.path(), Credential::Passphrase(&pass()));
    assert!(matches!(r, Err(Error::NoWorkspace { .. })));
}

#[test]
fn a_damaged_key_file_gets_its_own_message() {
    let (w, ws, _) = new_ws();
    drop(ws);
    std::fs::write(w.dir.join("vigil-workspace.json"), b"{ not json").unwrap();
    let r = workspace::unlock(&w.dir, Credential::Passphrase(&pass()));
    assert!(matches!(r, Err(Error::BadKeyring { .. })), "{r:?}");
}

#[test]
fn profile_and_settings_are_validated_and_kept() {
    let (w, mut ws, _) = new_ws();
    let mut p = profile();
    p.badge = "  ".into();
    assert!(matches!(
        ws.set_profile(&p),
        Err(Error::Validation {
            field: "badge or ID",
            ..
        })
    ));
    let bad = vigil::workspace::Settings { idle_minutes: 0 };
    assert!(ws.save_settings(&bad).is_err());
    ws.save_settings(&vigil::workspace::Settings { idle_minutes: 30 })
        .unwrap();
    drop(ws);
    assert_eq!(unlock(&w.dir).settings().unwrap().idle_minutes, 30);
}

// ---- hardening: the lockout file and the key file's parameters ---------------

#[test]
fn lockout_with_failures_near_the_maximum_does_not_overflow() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let far = "2099-01-01T00:00:00.000Z";
    std::fs::write(
        w.dir.join("unlock-attempts.json"),
        format!(
            "{{\"failures\": {}, \"first_failed_at\": \"{far}\", \"last_failed_at\": \"{far}\"}}",
            u32::MAX - 1
        ),
    )
    .unwrap();
    // A timestamp in 2099 waits at most the schedule's longest step.
    match workspace::unlock(&w.dir, Credential::Passphrase(&pass())) {
        Err(vigil::Error::TooManyAttempts {
            retry_after_secs, ..
        }) => assert!(retry_after_secs <= 900, "{retry_after_secs}"),
        other => panic!("{other:?}"),
    }
    let t0 = chrono::Utc::now();
    let d =
        workspace::lockout_remaining(u32::MAX, t0 + chrono::Duration::days(365 * 73), t0).unwrap();
    assert!(d.as_secs() <= 900);
    // With the wait over, a wrong passphrase at u32::MAX - 1 failures saturates.
    std::fs::write(
        w.dir.join("unlock-attempts.json"),
        format!(
            "{{\"failures\": {}, \"first_failed_at\": null, \"last_failed_at\": null}}",
            u32::MAX - 1
        ),
    )
    .unwrap();
    for _ in 0..2 {
        let wrong = Passphrase::new("Wrong river 7 copper".into());
        assert!(matches!(
            workspace::unlock(&w.dir, Credential::Passphrase(&wrong)),
            Err(vigil::Error::WrongPassphrase)
        ));
        let file = w.dir.join("unlock-attempts.json");
        let mut a: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(
            a["failures"],
            serde_json::json!(u32::MAX),
            "saturated, no overflow"
        );
        // Let the wait pass so the next attempt is judged again.
        a["last_failed_at"] = serde_json::json!("2000-01-01T00:00:00.000Z");
        std::fs::write(&file, serde_json::to_vec(&a).unwrap()).unwrap();
    }
}

#[test]
fn argon2_parameters_out_of_range_in_the_key_file_are_a_damaged_key_file() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let path = w.dir.join("vigil-workspace.json");
    let original = std::fs::read_to_string(&path).unwrap();
    for (field, value) in [("m_kib", "4294967295"), ("t", "4294967295"), ("p", "255")] {
        let mut v: serde_json::Value = serde_json::from_str(&original).unwrap();
        v["passphrase"]["kdf"][field] = serde_json::json!(value.parse::<u64>().unwrap());
        // Without its checksum (a key file from before checksums), the range
        // check itself must refuse it, before allocating anything.
        v.as_object_mut().unwrap().remove("checksum");
        std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
        match workspace::unlock(&w.dir, Credential::Passphrase(&pass())) {
            Err(e @ vigil::Error::Corrupt { .. }) => assert_eq!(e.exit_code(), 7),
            other => panic!("{field}: {other:?}"),
        }
    }
    std::fs::write(&path, original).unwrap();
    assert!(workspace::unlock(&w.dir, Credential::Passphrase(&pass())).is_ok());
}

#[test]
fn a_damaged_key_file_says_so_and_does_not_count_as_a_failed_attempt() {
    let (w, ws, _) = new_ws();
    drop(ws);
    let path = w.dir.join("vigil-workspace.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let flip = |s: &str| -> String {
        let mut c: Vec<char> = s.chars().collect();
        c[2] = if c[2] == 'a' { 'b' } else { 'a' };
        c.into_iter().collect()
    };
    for pointer in [
        "/workspace_id",
        "/passphrase/salt",
        "/passphrase/nonce",
        "/passphrase/ciphertext",
        "/recovery/ciphertext",
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&original).unwrap();
        let old = v.pointer(pointer).unwrap().as_str().unwrap().to_string();
        *v.pointer_mut(pointer).unwrap() = serde_json::json!(flip(&old));
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        match workspace::unlock(&w.dir, Credential::Passphrase(&pass())) {
            Err(e @ Error::Corrupt { .. }) => assert_eq!(e.exit_code(), 7, "{pointer}"),
            other => panic!("{pointer}: {other:?}"),
        }
    }
    assert!(
        !w.dir.join("unlock-attempts.json").exists(),
        "no failed attempt was counted"
    );
    std::fs::write(&path, &original).unwrap();
    let (ws, report) = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert_eq!(report.failed_attempts, 0);
    drop(ws);
    // A key file from before checksums unlocks and gets one.
    let mut legacy: serde_json::Value = serde_json::from_str(&original).unwrap();
    legacy.as_object_mut().unwrap().remove("checksum");
    std::fs::write(&path, serde_json::to_string_pretty(&legacy).unwrap()).unwrap();
    drop(workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap());
    let upgraded: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert!(upgraded["checksum"].as_str().is_some_and(|c| c.len() == 64));
}

#[test]
fn a_typo_in_the_recovery_key_is_caught_before_an_attempt_is_spent() {
    let (w, ws, rk) = new_ws();
    drop(ws);
    let printed = rk.to_printable().to_string();
    // Change one character of the third group.
    let mut chars: Vec<char> = printed.chars().collect();
    let i = 5 + 2 * 5 + 1;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    let typo: String = chars.into_iter().collect();
    match RecoveryKey::parse(&typo) {
        Err(e @ Error::Validation { .. }) => assert!(e.to_string().contains("typo"), "{e}"),
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert!(!w.dir.join("unlock-attempts.json").exists());
    let good = RecoveryKey::parse(&printed).unwrap();
    assert!(workspace::unlock(&w.dir, Credential::RecoveryKey(&good)).is_ok());
}
