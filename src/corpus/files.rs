//! Reading the corpus's files without surprises, and locking the one file
//! claimcheck writes.
//!
//! Only regular files are read: a FIFO, socket or device named like a
//! source would block or never end, so it is refused before it is opened.
//! Every file has a size limit, so a stray multi-gigabyte file is reported
//! instead of exhausting memory. Writers of `reviews.toml` hold an advisory
//! lock on a lock file beside it for the whole read–modify–write, so two
//! editors never lose each other's verdicts.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::{Duration, Instant};

/// The editors' verdicts, beside the data (see `crate::review`).
pub const REVIEWS_FILE: &str = "reviews.toml";

/// The lock every writer of the corpus holds from reading to renaming
/// (`review`, `add claim`, `add source`): one writer at a time.
pub const CORPUS_LOCK: &str = ".reviews.toml.lock";

/// The journal of an `init` in progress: each path it is about to create,
/// one per line, written (and synced) before the path is. A killed `init`
/// leaves it behind; the next `init`, holding the journal's own lock and so
/// sure its writer is gone, removes what it lists and starts again, and
/// `check` reports it. A half corpus is never taken for a corpus.
pub const INIT_JOURNAL: &str = ".claimcheck-init";

/// How long a writer waits for another to finish before it is refused.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The temporary files [`write_atomically`] leaves beside `path` when the
/// process writing them was killed (`.NAME.PID.tmp`), removed. Called by a
/// writer holding [`CORPUS_LOCK`], when no other writer can be using one.
pub fn remove_stray_temporaries(path: &Path) -> io::Result<()> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(());
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The largest file claimcheck reads (sources, claims, reviews): 64 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Threads that read files at once. A corpus of thousands of small files
/// that are not in the page cache is read at the speed of the disk's
/// queue, not of the cores: on the 2-core benchmark VM, 10,000 uncached
/// sources took 0.77 s with 2 readers and 0.39 s with 16.
const READERS: usize = 16;

/// `read` applied to every item, with [`READERS`] threads (fewer for
/// fewer items, and one where the work is to use one core: inside a
/// one-thread rayon pool), the results in the items' order.
pub fn read_all<T: Sync, R: Send>(items: &[T], read: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let readers = if rayon::current_num_threads() > 1 { READERS } else { 1 };
    let threads = readers.min(items.len());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, read(item)));
                    }
                    done
                })
            })
            .collect();
        // A panic in a reader goes on in the caller, as rayon's would:
        // results are never silently missing.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A symbolic link: claimcheck reads and writes only real files.
    Symlink,
    /// A FIFO, socket, device or folder, named in words.
    NotRegular(&'static str),
    TooLarge(u64),
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "it does not exist"),
            ReadError::Symlink => write!(f, "it is a symbolic link"),
            ReadError::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::TooLarge(n) => write!(
                f,
                "it is {} MiB, larger than the {} MiB claimcheck reads",
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                write!(f, "permission denied (check the file's owner and mode)")
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What kind of non-regular file this is, in words.
fn kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if m.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Checks that `path` is a regular file (not a link) within the size limit.
pub fn check_regular(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    let m = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(ReadError::Io(e)),
    };
    if m.file_type().is_symlink() {
        return Err(ReadError::Symlink);
    }
    if !m.is_file() {
        return Err(ReadError::NotRegular(kind(&m)));
    }
    if m.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(m.len()));
    }
    Ok(m)
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
pub fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    let metadata = check_regular(path)?;
    let f = File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    // Sized once from the metadata (one more byte to see the end), not
    // grown by doubling: most of a corpus's reading time was reallocation.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1));
    // The file may have grown since it was checked: never read past the limit.
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An exclusive advisory lock, released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the exclusive lock on `path` (created if missing), waiting up to
/// `wait` for another holder to finish; `Ok(None)` when it is still held.
pub fn lock(path: &Path, wait: Duration) -> io::Result<Option<Lock>> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(Lock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= wait {
                    return Ok(None);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// Takes the corpus lock for a writer of the corpus (`add`, `schema`),
/// waiting up to [`LOCK_WAIT`]; the refusal says why, in words for the
/// editor.
pub fn lock_corpus(root: &Path) -> Result<Lock, String> {
    match lock(&root.join(CORPUS_LOCK), LOCK_WAIT) {
        Ok(Some(held)) => Ok(held),
        Ok(None) => Err(format!(
            "another claimcheck is writing to the corpus; nothing was written (waited {} s): try again",
            LOCK_WAIT.as_secs()
        )),
        Err(e) => Err(format!("cannot lock the corpus at {}: {e}", root.display())),
    }
}

/// Writes a command's output file (`-o FILE`): only a regular file, new or
/// replaced atomically with its permissions kept. A FIFO, a device, a
/// folder or a link at the path is refused, never turned into a file.
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let old = match std::fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &old {
        let ft = m.file_type();
        if !ft.is_file() {
            let what = if ft.is_symlink() {
                "a symbolic link"
            } else if ft.is_dir() {
                "a folder"
            } else {
                "not a regular file (a FIFO, socket or device)"
            };
            return Err(io::Error::other(format!(
                "it is {what}: -o writes regular files only; give a new file's path"
            )));
        }
    }
    write_atomically_keeping(path, bytes, old.map(|m| m.permissions()))
}

/// Writes `bytes` to `path` through a temporary file beside it, synced and
/// renamed over `path`: a reader (or a browser reloading a report) sees the
/// old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_keeping(path, bytes, None)
}

/// [`write_atomically`], giving the new file `permissions` (the old file's).
fn write_atomically_keeping(path: &Path, bytes: &[u8], permissions: Option<std::fs::Permissions>) -> io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(p) = &permissions {
            std::fs::set_permissions(&tmp, p.clone())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results come back in the items' order, whichever reader took each,
    /// for no items, fewer items than readers, and many more.
    #[test]
    fn read_all_keeps_the_order_of_the_items() {
        for n in [0, 1, 3, READERS, 1000] {
            let items: Vec<usize> = (0..n).collect();
            let read = read_all(&items, |i| {
                // Uneven work, so readers finish out of order.
                std::thread::sleep(Duration::from_micros((*i as u64 * 7919) % 50));
                i * 2
            });
            assert_eq!(read, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    /// In a one-thread pool, one reader does all the work, in order.
    #[test]
    fn one_core_asked_for_is_one_reader() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let items: Vec<usize> = (0..100).collect();
        let read = pool.install(|| {
            read_all(&items, |i| {
                // Long enough that more readers would each take some.
                std::thread::sleep(Duration::from_micros(200));
                (*i, std::thread::current().id())
            })
        });
        assert!(read.iter().enumerate().all(|(k, (i, _))| k == *i));
        assert!(read.iter().all(|(_, t)| *t == read[0].1));
    }

    /// A reader's panic reaches the caller rather than leaving a gap.
    #[test]
    fn a_panic_in_a_reader_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let result = std::panic::catch_unwind(|| read_all(&items, |i| if *i == 57 { panic!("item 57") } else { *i }));
        assert!(result.is_err());
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.txt");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !ok.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let e = read_regular(&fifo).unwrap_err();
        assert_eq!(e.to_string(), "it is a FIFO (named pipe), not a regular file");
    }

    #[test]
    fn a_second_lock_waits_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".lock");
        let first = lock(&p, Duration::ZERO).unwrap();
        assert!(first.is_some());
        assert!(lock(&p, Duration::from_millis(50)).unwrap().is_none());
        drop(first);
        assert!(lock(&p, Duration::ZERO).unwrap().is_some());
    }
}
