//! Process hardening: a running intake holds the record and the resume code in memory, so a
//! crash must not write them to a core file that the next user of the laptop could read.

/// Turns core dumps off for this process (and, on Linux, makes it non-dumpable, which also
/// keeps other processes of the same user from reading its memory). Best effort: a platform
/// without these calls has nothing to turn off.
pub fn no_core_dumps() {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, Rlimit, setrlimit};
        let zero = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        let _ = setrlimit(Resource::Core, zero);
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            let _ = rustix::process::set_dumpable_behavior(
                rustix::process::DumpableBehavior::NotDumpable,
            );
        }
    }
}
