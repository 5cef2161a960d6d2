//! Who the preview answers: requests addressed to this machine only.
//!
//! Every request passes [`guard`] before anything is looked up. Its Host (and the authority
//! of an absolute-form target) must name this preview on this machine with its port, and
//! its Origin, when a page sends one, must be one of the preview's own pages. A web page
//! that points a name of its own at 127.0.0.1 (DNS rebinding) or fetches the preview from
//! another site gets a 403 and reads nothing; every response also tells browsers not to
//! sniff it nor let other sites embed it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The addresses the preview answers to: `localhost`, `127.0.0.1`, `[::1]` and the
/// `--bind` address, each with the port it listens on. Bound to every interface (`0.0.0.0`
/// or `::`), it also answers to any IP address (other machines reach it by one), but still
/// to no other name: only a name can be rebound to this machine by someone else's DNS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Addresses {
    pub(crate) bind: IpAddr,
    pub(crate) port: u16,
}

impl Addresses {
    /// Whether `authority` (a Host header, or an origin without its scheme) names this
    /// preview: host and port, nothing more.
    pub(crate) fn accepts(&self, authority: &str) -> bool {
        let Some((host, port)) = split_authority(authority) else {
            return false;
        };
        if port != self.port {
            return false;
        }
        match host {
            Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
            Host::Ip(ip) => {
                ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
                    || ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
                    || ip == self.bind
                    || self.bind.is_unspecified()
            }
        }
    }

    /// Whether an Origin header names one of the preview's own pages.
    fn accepts_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|authority| self.accepts(authority))
    }

    /// Where the preview can be reached, for messages.
    fn described(&self) -> String {
        let port = self.port;
        let mut out =
            format!("http://localhost:{port}/, http://127.0.0.1:{port}/ and http://[::1]:{port}/");
        if self.bind.is_unspecified() {
            out.push_str(&format!(", or this machine's IP address with port {port}"));
        } else if !self.bind.is_loopback() {
            match self.bind {
                IpAddr::V4(ip) => out.push_str(&format!(" (and http://{ip}:{port}/)")),
                IpAddr::V6(ip) => out.push_str(&format!(" (and http://[{ip}]:{port}/)")),
            }
        }
        out
    }
}

enum Host<'a> {
    Name(&'a str),
    Ip(IpAddr),
}

/// Splits `host[:port]` or `[v6][:port]` strictly; a missing port is 80, as in HTTP.
fn split_authority(authority: &str) -> Option<(Host<'_>, u16)> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        (Host::Ip(IpAddr::V6(inside.parse().ok()?)), after)
    } else {
        let end = authority.find(':').unwrap_or(authority.len());
        let (host, after) = authority.split_at(end);
        match host.parse::<Ipv4Addr>() {
            Ok(ip) => (Host::Ip(IpAddr::V4(ip)), after),
            Err(_) => (Host::Name(host), after),
        }
    };
    let port = if port.is_empty() {
        80
    } else {
        let digits = port.strip_prefix(':')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()?
    };
    Some((host, port))
}

/// Refuses requests not addressed to this preview (Host, or the authority of an
/// absolute-form target) or sent by another site's page (Origin); marks every response as
/// not to be sniffed nor embedded by other sites.
pub(crate) async fn guard(
    State(addresses): State<Addresses>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("(not text)"));
    let target = request.uri().authority().map(|a| a.as_str());
    let addressed = match (host, target) {
        (None, None) => Err("(none)".to_owned()),
        (host, target) => match host
            .into_iter()
            .chain(target)
            .find(|a| !addresses.accepts(a))
        {
            Some(wrong) => Err(wrong.to_owned()),
            None => Ok(()),
        },
    };
    if let Err(wrong) = addressed {
        return refuse(format!(
            "portico preview: refused a request addressed to {:?}.\nThe preview answers only at {}, so that no web site can read it through a name of its own (DNS rebinding). Open one of those addresses.\n",
            printable(&wrong),
            addresses.described()
        ));
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("(not text)");
        if !addresses.accepts_origin(origin) {
            return refuse(format!(
                "portico preview: refused a request from a page of {:?}: only the preview's own pages ({}) may read it.\n",
                printable(origin),
                addresses.described()
            ));
        }
    }
    let mut response = next.run(request).await;
    secure(response.headers_mut());
    response
}

fn refuse(message: String) -> Response {
    let mut response = (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response();
    secure(response.headers_mut());
    response
}

fn secure(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
}

/// At most 100 visible characters of what a request said, for a message.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .take(100)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machines_names_with_the_port_are_accepted() {
        let loopback = Addresses {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 4000,
        };
        for good in [
            "localhost:4000",
            "LOCALHOST:4000",
            "127.0.0.1:4000",
            "[::1]:4000",
            "[0:0:0:0:0:0:0:1]:4000",
        ] {
            assert!(loopback.accepts(good), "{good}");
        }
        for bad in [
            "",
            ":4000",
            "localhost",
            "localhost:",
            "localhost:4001",
            "localhost:+4000",
            "localhost:4000:4000",
            "evil.example:4000",
            "localhost.evil.example:4000",
            "sub.localhost:4000",
            "127.0.0.1.nip.io:4000",
            "127.0.0.1:4000@evil.example",
            "127.0.0.2:4000",
            "127.1:4000",
            "2130706433:4000",
            "[::1]",
            "[::1]x:4000",
            "[::2]:4000",
            "192.168.1.20:4000",
        ] {
            assert!(!loopback.accepts(bad), "{bad}");
        }
        let lan = Addresses {
            bind: "192.168.1.20".parse().unwrap(),
            port: 4000,
        };
        assert!(lan.accepts("192.168.1.20:4000"));
        assert!(lan.accepts("localhost:4000"));
        assert!(!lan.accepts("192.168.1.21:4000"));
        assert!(!lan.accepts("portal.lan:4000"));
        let everywhere = Addresses {
            bind: "0.0.0.0".parse().unwrap(),
            port: 80,
        };
        assert!(everywhere.accepts("10.0.0.7"), "port 80 may go unsaid");
        assert!(everywhere.accepts("[fe80::1]:80"));
        assert!(
            !everywhere.accepts("evil.example"),
            "a name is never enough"
        );
        assert!(loopback.accepts_origin("http://127.0.0.1:4000"));
        assert!(!loopback.accepts_origin("https://127.0.0.1:4000"));
        assert!(!loopback.accepts_origin("http://127.0.0.1:4000/"));
        assert!(!loopback.accepts_origin("null"));
    }
}
