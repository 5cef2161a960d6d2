//! `portico serve`: a local preview that rebuilds on every change and reloads the browser.
//!
//! Three parts with plain values between them: [`watch`] turns file events into
//! [`watch::Changes`], [`site`] rebuilds what changed in memory and produces a
//! [`site::Snapshot`], and the HTTP side serves the latest snapshot and tells browsers to
//! reload once a new one is in place. Nothing is written to disk: the preview never
//! touches `public/`. The state lives in the server, not in statics.

mod http;
pub mod site;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tokio::sync::{oneshot, watch as channel};

use crate::error::Error;
use crate::model::Date;
use site::{Rebuilt, Site};

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
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            portal: PathBuf::from("."),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 4000,
            as_of: None,
            poll: false,
        }
    }
}

/// A running preview server. Dropping it (or [`Server::stop`]) shuts it down.
pub struct Server {
    addr: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
    shutdown: Option<oneshot::Sender<()>>,
    _watcher: watch::Watcher,
    first: Rebuilt,
}

/// Called after every rebuild, from the watcher's thread: the terminal's business.
pub type OnRebuild = Box<dyn Fn(&Rebuilt) + Send + Sync>;

impl Server {
    /// Builds the portal in memory, starts watching it and starts listening.
    pub fn start(options: &ServeOptions, on_rebuild: OnRebuild) -> Result<Server, Error> {
        let mut site = Site::new(&options.portal, options.as_of).map_err(|e| {
            Error::Serve(format!("cannot create the preview's private folder: {e}"))
        })?;
        let first = site.rebuild(&watch::Changes {
            everything: true,
            ..Default::default()
        });
        let (publish, snapshot) = channel::channel(Arc::new(site.snapshot()));
        let site = Arc::new(Mutex::new(site));

        let watched_site = Arc::clone(&site);
        let watcher = watch::watch(&options.portal, options.poll, move |changes| {
            // One rebuild at a time; a poisoned lock means a rebuild panicked, and the
            // preview cannot recover from that by itself.
            let Ok(mut site) = watched_site.lock() else {
                return;
            };
            let rebuilt = site.rebuild(&changes);
            // The snapshot is swapped in before anyone is told to reload.
            publish.send_replace(Arc::new(site.snapshot()));
            on_rebuild(&rebuilt);
        })
        .map_err(|e| Error::Serve(format!("cannot watch {}: {e}", options.portal.display())))?;

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| Error::Serve(format!("cannot start the server: {e}")))?;
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
        let (shutdown, stopped) = oneshot::channel::<()>();
        let app = http::router(http::AppState { snapshot });
        runtime.spawn(async move {
            let server = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = server.await {
                eprintln!("portico: the preview server stopped: {e}");
            }
        });
        Ok(Server {
            addr,
            runtime: Some(runtime),
            shutdown: Some(shutdown),
            _watcher: watcher,
            first,
        })
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The first build's outcome.
    pub fn first_build(&self) -> &Rebuilt {
        &self.first
    }

    /// Blocks until Ctrl-C, then shuts down cleanly.
    pub fn run_until_interrupted(mut self) -> Result<(), Error> {
        if let Some(runtime) = &self.runtime {
            runtime
                .block_on(tokio::signal::ctrl_c())
                .map_err(|e| Error::Serve(format!("cannot wait for Ctrl-C: {e}")))?;
        }
        self.shut_down();
        Ok(())
    }

    /// Shuts down: open connections are closed, the watcher stops.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(runtime) = self.runtime.take() {
            // Event streams never end by themselves; do not wait for them long.
            runtime.shutdown_timeout(std::time::Duration::from_millis(500));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}
