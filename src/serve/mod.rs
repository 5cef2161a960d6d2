//! `portico serve`: a local preview that rebuilds on every change and reloads the browser.
//!
//! Three parts with plain values between them: [`watch`] turns file events into
//! [`watch::Changes`], [`site`] rebuilds what changed and produces a [`site::Snapshot`], and
//! the HTTP side serves the latest snapshot and tells browsers to reload once a new one is
//! in place. Rendered pages wait in a private folder (`store`), never in `public/`; the
//! state lives in the server, not in statics.
//!
//! What the preview promises, and where each promise is kept:
//! - it answers only requests addressed to this machine (`guard`: the Host and Origin
//!   checks), so a web page cannot read it through DNS rebinding;
//! - it serves only the files of its snapshot, opened without following links and only if
//!   they are still regular files (`open`);
//! - its private folder is readable by its owner only and removed however it stops
//!   (`store`, [`Server::run_until_interrupted`]);
//! - a rebuild that panics leaves the last good pages and the watcher in place ([`site`]);
//! - it starts at once whatever the portfolio's size: clients are built in the background,
//!   and a request for a client not built yet builds that one first and waits for it;
//! - no request can stall it: file I/O runs on the blocking pool, bodies are streamed, and
//!   a connection that does not send its headers in time is closed.

mod guard;
mod http;
mod open;
pub mod site;
mod store;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::watch as channel;

use crate::error::Error;
use crate::model::Date;
use site::{Rebuilt, Site};

/// How long a request's headers may take to arrive by default.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// What `serve` should do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The portal folder.
    pub portal: PathBuf,
    /// Address to listen on; loopback unless the user says otherwise.
    pub bind: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Date for overdue facts, as for `build`.
    pub as_of: Option<Date>,
    /// Poll the file system instead of using change notifications.
    pub poll: bool,
    /// Stop cleanly on Ctrl-C (SIGINT), SIGTERM and SIGHUP from the moment the preview
    /// starts building. For the command line; off by default, so that a program embedding
    /// the preview keeps its own signal handling.
    pub stop_on_signals: bool,
    /// How long a client may take to send a request's headers before its connection is
    /// closed (slow or stalled clients must not hold connections open forever).
    pub header_timeout: Duration,
    /// Called on the watcher's thread before each rebuild after the first; tests use it to
    /// make a rebuild fail the way a bug would.
    #[doc(hidden)]
    pub before_rebuild: Option<fn(&watch::Changes)>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            portal: PathBuf::from("."),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 4000,
            as_of: None,
            poll: false,
            stop_on_signals: false,
            header_timeout: HEADER_TIMEOUT,
            before_rebuild: None,
        }
    }
}

/// A running preview server. Dropping it (or [`Server::stop`]) shuts it down and removes
/// its private folder.
pub struct Server {
    addr: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
    /// Set to true to stop: by a signal, or by [`Server::stop`].
    stop: channel::Sender<bool>,
    /// Read by rebuilds, which skip the clients they have not started once it is set.
    stopping: Arc<AtomicBool>,
    watcher: Option<watch::Watcher>,
    site: Arc<Mutex<Site>>,
    signals: bool,
    first: Rebuilt,
    /// The thread building clients in the background.
    filler: Option<std::thread::JoinHandle<()>>,
    /// Where snapshots are published.
    snapshot: Arc<channel::Sender<Arc<site::Snapshot>>>,
}

/// Called after every rebuild, from the watcher's thread: the terminal's business.
pub type OnRebuild = Box<dyn Fn(&Rebuilt) + Send + Sync>;

impl Server {
    /// Builds the portal into a private folder, starts watching it and starts listening.
    pub fn start(options: &ServeOptions, on_rebuild: OnRebuild) -> Result<Server, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| Error::Serve(format!("cannot start the server: {e}")))?;
        // Listen first: a taken port is reported before anything is built or written.
        let wanted = SocketAddr::new(options.bind, options.port);
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(wanted))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AddrInUse => Error::PortInUse(wanted),
                _ => Error::Serve(format!("cannot listen on {wanted}: {e}")),
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Serve(format!("cannot listen on {wanted}: {e}")))?;
        let (stop, _) = channel::channel(false);
        let stopping = Arc::new(AtomicBool::new(false));
        if options.stop_on_signals {
            stop_on_signals(&runtime, &stop, &stopping)?;
        }

        // From here on every way out removes the private folder: `Site` removes it when
        // dropped, `Server` when it stops.
        let mut site =
            Site::new(&options.portal, options.as_of, Arc::clone(&stopping)).map_err(|e| {
                Error::Serve(format!("cannot create the preview's private folder: {e}"))
            })?;
        // No client is built yet: the index is served at once, and each client is built
        // when first asked for, or in the background (see `fill`).
        let first = site.prepare();
        site.set_before_rebuild(options.before_rebuild);
        let (publish, snapshot) = channel::channel(Arc::new(site.snapshot()));
        let publish = Arc::new(publish);
        let on_rebuild: Arc<dyn Fn(&Rebuilt) + Send + Sync> = Arc::from(on_rebuild);
        let site = Arc::new(Mutex::new(site));
        let watched_site = Arc::clone(&site);
        let watch_publish = Arc::clone(&publish);
        let watch_report = Arc::clone(&on_rebuild);
        let watcher = watch::watch(&options.portal, options.poll, move |changes| {
            // One rebuild at a time. A rebuild that panics is caught inside, so the lock
            // is never poisoned by one; take it anyway rather than stop rebuilding.
            let mut site = watched_site.lock().unwrap_or_else(PoisonError::into_inner);
            if site.is_closed() {
                return;
            }
            let rebuilt = site.rebuild(&changes);
            // The snapshot is swapped in before anyone is told to reload.
            watch_publish.send_replace(Arc::new(site.snapshot()));
            watch_report(&rebuilt);
        })
        .map_err(|e| Error::Serve(format!("cannot watch {}: {e}", options.portal.display())))?;

        // Started once nothing else can fail, so a failed start leaves no builder behind.
        let (want, wanted) = std::sync::mpsc::channel();
        let filler = {
            let (site, publish) = (Arc::clone(&site), Arc::clone(&publish));
            let stopping = Arc::clone(&stopping);
            std::thread::Builder::new()
                .name("portico-fill".into())
                .spawn(move || fill(&site, &publish, &wanted, &stopping, on_rebuild.as_ref()))
                .map_err(|e| Error::Serve(format!("cannot start building: {e}")))?
        };

        let app = http::router(http::AppState {
            snapshot,
            want: Some(want),
            addresses: guard::Addresses {
                bind: options.bind,
                port: addr.port(),
            },
        });
        let header_timeout = options.header_timeout;
        let stopped = stop.subscribe();
        runtime.spawn(http::serve(listener, app, header_timeout, stopped));
        Ok(Server {
            addr,
            runtime: Some(runtime),
            stop,
            stopping,
            watcher: Some(watcher),
            site,
            signals: options.stop_on_signals,
            first,
            filler: Some(filler),
            snapshot: publish,
        })
    }

    /// Blocks until every client has been built once (the preview builds them in the
    /// background from the start); for tests and tools that look at every client.
    pub fn wait_until_built(&self) {
        let mut snapshot = self.snapshot.subscribe();
        if let Some(runtime) = &self.runtime {
            runtime.block_on(async {
                let _ = snapshot.wait_for(|s| s.pending.is_empty()).await;
            });
        }
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The first build's outcome.
    pub fn first_build(&self) -> &Rebuilt {
        &self.first
    }

    /// Blocks until Ctrl-C (SIGINT), SIGTERM or SIGHUP, then shuts down cleanly: the
    /// private folder is removed.
    pub fn run_until_interrupted(mut self) -> Result<(), Error> {
        if let Some(runtime) = &self.runtime {
            if !self.signals {
                stop_on_signals(runtime, &self.stop, &self.stopping)?;
            }
            let mut stop = self.stop.subscribe();
            runtime.block_on(async {
                let _ = stop.wait_for(|stop| *stop).await;
            });
        }
        self.shut_down();
        Ok(())
    }

    /// Shuts down: open connections are closed, the watcher stops, the private folder is
    /// removed.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.stop.send_replace(true);
        // No new rebuilds; one in progress skips the clients it has not started.
        self.watcher.take();
        if let Some(runtime) = self.runtime.take() {
            // Event streams never end by themselves; do not wait for them long.
            runtime.shutdown_timeout(Duration::from_millis(500));
        }
        // The background builder writes without the site's lock: it stops at its next
        // client, and must be done before the folder is removed.
        if let Some(filler) = self.filler.take() {
            let _ = filler.join();
        }
        // Waits for a rebuild in progress, so nothing writes into the folder once removed.
        self.site
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .close();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Builds every client not built yet, those asked for (by the HTTP side, through `wanted`)
/// first, one client at a time (its pages in parallel), publishing a snapshot after each;
/// reports the problems found once all are built.
///
/// The building runs without the site's lock and at a lower priority than everything else
/// (see [`background_pool`]), so a rebuild after a change neither waits for it nor shares
/// the processor with it evenly (it still shares caches and memory: at 1,000 x 50, save to
/// reload takes about 70 ms while they run, against 30-50 ms once they are done). A client
/// a rebuild has built meanwhile keeps the rebuild's pages.
fn fill(
    site: &Mutex<Site>,
    publish: &channel::Sender<Arc<site::Snapshot>>,
    wanted: &std::sync::mpsc::Receiver<String>,
    stopping: &AtomicBool,
    on_rebuild: &(dyn Fn(&Rebuilt) + Send + Sync),
) {
    let started = std::time::Instant::now();
    let pool = background_pool();
    let mut problems = Vec::new();
    let mut built = 0;
    loop {
        let asked: Vec<String> = wanted.try_iter().collect();
        let job = {
            let site = site.lock().unwrap_or_else(PoisonError::into_inner);
            if site.is_closed() || stopping.load(Ordering::SeqCst) {
                return;
            }
            let pending = site.pending();
            if pending.is_empty() {
                break;
            }
            let mut batch: Vec<String> =
                asked.into_iter().filter(|s| pending.contains(s)).collect();
            batch.sort();
            batch.dedup();
            if batch.is_empty() {
                // One client, not one per core: the threads of two clients at once slow a
                // rebuild after a change down, however low their priority (measured: 100
                // against 67 ms from save to reload at 1,000 x 50, for a background fill
                // of 20 against 26 s).
                batch = pending.into_iter().take(1).collect();
            }
            built += batch.len();
            site.first_builds(&batch)
        };
        let Some(job) = job else {
            break;
        };
        let done = match &pool {
            Some(pool) => pool.install(|| job.build()),
            None => job.build(),
        };
        let mut site = site.lock().unwrap_or_else(PoisonError::into_inner);
        if site.is_closed() {
            return;
        }
        problems.extend(site.finish_first_builds(done));
        publish.send_replace(Arc::new(site.snapshot()));
    }
    if built > 0 {
        on_rebuild(&Rebuilt {
            scope: format!(
                "{built} client{} in the background",
                if built == 1 { "" } else { "s" }
            ),
            elapsed: started.elapsed(),
            problems,
        });
    }
}

/// Threads for the background builds, one per core, each at the lowest scheduling
/// priority; `None` (the shared pool) where threads cannot be given their own priority.
fn background_pool() -> Option<rayon::ThreadPool> {
    #[cfg(target_os = "linux")]
    {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("portico-fill-{i}"))
            // On Linux a nice value belongs to the thread that sets it for itself.
            .start_handler(|_| {
                let _ = rustix::process::setpriority_process(None, 19);
            })
            .build()
            .ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Makes SIGINT, SIGTERM and SIGHUP (Ctrl-C elsewhere) request a clean stop instead of
/// ending the process on the spot, which would leave the private folder behind.
fn stop_on_signals(
    runtime: &tokio::runtime::Runtime,
    stop: &channel::Sender<bool>,
    stopping: &Arc<AtomicBool>,
) -> Result<(), Error> {
    let failed = |e: std::io::Error| Error::Serve(format!("cannot handle Ctrl-C: {e}"));
    // Registration happens here, synchronously: from now on the signals are ours.
    let _context = runtime.enter();
    #[cfg(unix)]
    let signalled = {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).map_err(failed)?;
        let mut terminate = signal(SignalKind::terminate()).map_err(failed)?;
        let mut hangup = signal(SignalKind::hangup()).map_err(failed)?;
        async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
                _ = hangup.recv() => {}
            }
        }
    };
    #[cfg(not(unix))]
    let signalled = {
        let _ = failed;
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    };
    let stop = stop.clone();
    let stopping = Arc::clone(stopping);
    runtime.spawn(async move {
        signalled.await;
        stopping.store(true, Ordering::SeqCst);
        stop.send_replace(true);
    });
    Ok(())
}
