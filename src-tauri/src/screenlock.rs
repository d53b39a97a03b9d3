//! Locks Vigil when the operating system says the screen locked or the
//! machine is about to sleep.
//!
//! - **Linux**: the session bus's screen savers (`ActiveChanged(true)` on
//!   `org.freedesktop.ScreenSaver`, and the GNOME, Cinnamon and MATE
//!   interfaces of the same shape) and, on the system bus, logind's
//!   `Session.Lock` and `Manager.PrepareForSleep(true)`. Without a bus (a
//!   headless machine) nothing is heard and the idle/sleep watcher in
//!   `autolock.rs` still applies.
//! - **Windows** (not built yet): `WTSRegisterSessionNotification` on the main
//!   window, then `WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK`; sleep comes as
//!   `WM_POWERBROADCAST` / `PBT_APMSUSPEND`.
//! - **macOS** (not built yet): the distributed notification
//!   `com.apple.screenIsLocked`, and `NSWorkspaceWillSleepNotification`.

/// What the operating system said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A screen saver or lock screen became active.
    ScreenLocked,
    /// logind asked the session to lock.
    SessionLock,
    /// The machine is about to suspend.
    Sleep,
}

#[cfg(target_os = "linux")]
mod linux {
    use super::Signal;
    use dbus::blocking::Connection;
    use dbus::message::MatchRule;
    use std::time::Duration;

    const SCREEN_SAVERS: [&str; 4] = [
        "org.freedesktop.ScreenSaver",
        "org.gnome.ScreenSaver",
        "org.cinnamon.ScreenSaver",
        "org.mate.ScreenSaver",
    ];

    /// Subscribes, on a session bus, to screen savers turning on; `on_signal`
    /// is called for each while [`run`] processes the connection.
    pub fn subscribe_session(
        conn: &Connection,
        on_signal: impl Fn(Signal) + Send + Clone + 'static,
    ) -> Result<(), dbus::Error> {
        for iface in SCREEN_SAVERS {
            let f = on_signal.clone();
            conn.add_match(
                MatchRule::new_signal(iface, "ActiveChanged"),
                move |(active,): (bool,), _: &Connection, _: &dbus::Message| {
                    if active {
                        f(Signal::ScreenLocked);
                    }
                    true
                },
            )?;
        }
        Ok(())
    }

    /// Subscribes, on the system bus, to logind's lock and sleep signals.
    pub fn subscribe_system(
        conn: &Connection,
        on_signal: impl Fn(Signal) + Send + Clone + 'static,
    ) -> Result<(), dbus::Error> {
        let f = on_signal.clone();
        conn.add_match(
            MatchRule::new_signal("org.freedesktop.login1.Session", "Lock"),
            move |(): (), _: &Connection, _: &dbus::Message| {
                f(Signal::SessionLock);
                true
            },
        )?;
        conn.add_match(
            MatchRule::new_signal("org.freedesktop.login1.Manager", "PrepareForSleep"),
            move |(starting,): (bool,), _: &Connection, _: &dbus::Message| {
                if starting {
                    on_signal(Signal::Sleep);
                }
                true
            },
        )?;
        Ok(())
    }

    /// Delivers signals until the bus goes away.
    pub fn run(conn: Connection) -> Result<(), dbus::Error> {
        loop {
            conn.process(Duration::from_secs(60))?;
        }
    }
}

#[cfg(target_os = "linux")]
pub use linux::{run, subscribe_session, subscribe_system};

/// What a signal does: lock the workspace, if it is unlocked.
pub fn locker<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
) -> impl Fn(Signal) + Send + Clone + 'static {
    use tauri::Manager;
    move |_: Signal| {
        if app.state::<crate::state::AppState>().is_unlocked() {
            crate::commands::workspace::lock_now(&app);
        }
    }
}

/// Starts the listeners; each signal locks the workspace (if unlocked).
pub fn spawn<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    #[cfg(target_os = "linux")]
    {
        let lock = locker(app);
        let l2 = lock.clone();
        std::thread::spawn(move || {
            if let Ok(c) = dbus::blocking::Connection::new_session() {
                if subscribe_session(&c, lock).is_ok() {
                    let _ = run(c);
                }
            }
        });
        std::thread::spawn(move || {
            if let Ok(c) = dbus::blocking::Connection::new_system() {
                if subscribe_system(&c, l2).is_ok() {
                    let _ = run(c);
                }
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
