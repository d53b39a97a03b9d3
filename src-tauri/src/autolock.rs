//! Locks the workspace after the idle time and after the machine sleeps.
//!
//! Idle time is measured on the wall clock, so a laptop that slept for an
//! hour wakes locked. Sleep itself is detected portably: the monotonic clock
//! stops while suspended on Linux and Windows, the wall clock does not, so a
//! gap between the two across one tick means the machine was asleep.

use crate::state::AppState;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};
use tauri::{AppHandle, Manager, Runtime};

const TICK: Duration = Duration::from_secs(5);
/// A wall-clock jump larger than this beyond the tick means the machine slept.
const SLEEP_GAP: Duration = Duration::from_secs(20);

/// Why the watcher locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// No input for the idle time.
    Idle,
    /// The machine was suspended.
    Suspend,
}

/// Decides whether to lock, given the idle seconds, the configured minutes
/// and the wall/monotonic elapsed times of the last tick.
pub fn should_lock(
    idle_secs: u64,
    idle_minutes: u32,
    wall: Duration,
    mono: Duration,
) -> Option<Reason> {
    if wall > mono + SLEEP_GAP {
        return Some(Reason::Suspend);
    }
    (idle_secs >= u64::from(idle_minutes) * 60).then_some(Reason::Idle)
}

/// Starts the watcher thread.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let mut wall_prev = SystemTime::now();
        let mut mono_prev = Instant::now();
        loop {
            std::thread::sleep(TICK);
            let wall_now = SystemTime::now();
            let mono_now = Instant::now();
            let wall = wall_now.duration_since(wall_prev).unwrap_or_default();
            let mono = mono_now.duration_since(mono_prev);
            wall_prev = wall_now;
            mono_prev = mono_now;
            let state = app.state::<AppState>();
            if !state.is_unlocked() {
                continue;
            }
            let minutes = state.idle_minutes.load(Ordering::Relaxed);
            if should_lock(state.idle_secs(), minutes, wall, mono).is_some() {
                crate::commands::workspace::lock_now(&app);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_idle_minutes_and_after_sleep() {
        let t = Duration::from_secs(5);
        assert_eq!(should_lock(10, 15, t, t), None);
        assert_eq!(should_lock(15 * 60, 15, t, t), Some(Reason::Idle));
        // Woke from an hour of sleep: wall clock moved, monotonic did not.
        assert_eq!(
            should_lock(0, 15, Duration::from_secs(3600), t),
            Some(Reason::Suspend)
        );
        // Small scheduling jitter is not sleep.
        assert_eq!(should_lock(0, 15, Duration::from_secs(7), t), None);
    }
}
