//! Files a static host reads: `robots.txt` everywhere, `_headers` for Netlify and Cloudflare
//! Pages, `.nojekyll` and `CNAME` for GitHub Pages. Each client folder gets its own, so a
//! client can be published on its own site; the root of the output gets its own too, for
//! publishing every client on one site (`base_url` + folder), where a client folder's
//! `_headers` would not be read. The root's files name no client.
//!
//! Attachments are served as downloads (`Content-Disposition: attachment`) in a sandbox of
//! their own (`Content-Security-Policy: sandbox`), so none runs as a page of the portal's
//! origin, where it could read what the browser keeps for other portals there.

use crate::model::{Client, Host, PortalConfig};

/// The Content-Security-Policy the pages satisfy: no script, no inline style, nothing from
/// elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The policy for password-protected portals: their own script decrypts the pages, fetches
/// encrypted attachments and shows images from decrypted blobs.
pub const PROTECTED_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' blob:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The policy for attachments opened on their own: nothing runs, in an opaque origin.
pub const ATTACHMENT_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; sandbox";

/// A `_headers` file: `pages` for everything under `/`, and the attachment rule for
/// `files` (a path pattern).
fn headers(policy: &str, files: &str) -> String {
    format!(
        "/*\n  X-Robots-Tag: noindex, nofollow\n  Content-Security-Policy: {policy}\n  Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n  X-Frame-Options: DENY\n{files}\n  Content-Disposition: attachment\n  Content-Security-Policy: {ATTACHMENT_CONTENT_SECURITY_POLICY}\n"
    )
}

/// (file name, contents) pairs for the root of the whole output, from `portico.yaml`'s
/// host. They hold no client's name: the pages' policy is the protected one (which also
/// suits open portals: they run no script), and attachments match `/:folder/files/*`.
pub fn root_files(config: &PortalConfig) -> Vec<(&'static str, String)> {
    match config.deploy.host {
        Host::Plain => Vec::new(),
        Host::Netlify | Host::Cloudflare => vec![(
            "_headers",
            headers(PROTECTED_CONTENT_SECURITY_POLICY, "/:folder/files/*"),
        )],
        Host::GithubPages => vec![(".nojekyll", String::new())],
    }
}

/// (file name, contents) pairs for the root of one client's folder.
pub(crate) fn files(client: &Client, config: &PortalConfig) -> Vec<(&'static str, String)> {
    let mut files = vec![("robots.txt", super::ROBOTS_TXT.to_owned())];
    match client.host(config) {
        Host::Plain => {}
        Host::Netlify | Host::Cloudflare => {
            let policy = if client.profile.access.is_some() {
                PROTECTED_CONTENT_SECURITY_POLICY
            } else {
                CONTENT_SECURITY_POLICY
            };
            files.push(("_headers", headers(policy, "/files/*")));
        }
        Host::GithubPages => {
            files.push((".nojekyll", String::new()));
            if let Some(domain) = custom_domain(client, config) {
                files.push(("CNAME", format!("{domain}\n")));
            }
        }
    }
    files
}

/// The host name of the client's address, unless it is a `github.io` one (which needs no
/// CNAME) or has a path (a custom domain serves from its root).
fn custom_domain(client: &Client, config: &PortalConfig) -> Option<String> {
    let url = client.base_url(config)?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    (!host.ends_with(".github.io") && path.is_empty() && !host.is_empty()).then_some(host)
}
